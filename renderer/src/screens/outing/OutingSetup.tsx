// Before the first pass: the outing's name, its category and item, and the price per person, said once.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_RULES, type Category, type Item } from '../../../../protocol/catalogue';
import type { OutingView } from '../../../../preload/contract';
import { useShell } from '../../shell/shell-context';
import type { TillCall } from '../../use-call';
import { ItemFields, useItemFields } from '../../components/ItemFields';
import { CategorySelect } from '../../components/CategorySelect';

interface Props {
  /** The outing screen's calls: a refusal shows in its banner. */
  call: TillCall;
  onOpen: (outing: OutingView) => void;
}

export function OutingSetup({ call, onOpen }: Props) {
  const { t } = useTranslation();
  const shell = useShell();
  const categories = shell.status.partner?.accreditations ?? [];
  const [category, setCategory] = useState<Category | undefined>(categories[0]);
  const [title, setTitle] = useState('');
  const fields = useItemFields(category ? CATEGORY_RULES[category].items : [], { focusPrice: false });
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  async function open(event: FormEvent) {
    event.preventDefault();
    if (!category || !fields.chosen || fields.priceCents === null) return;
    const outing = await call.run('outing.open', {
      title,
      category,
      ...fields.chosen,
      priceCents: fields.priceCents,
    });
    if (outing) onOpen(outing);
  }

  return (
    <form className="form" onSubmit={(e) => void open(e)}>
      <label>
        {t('outing.name')}
        <input
          ref={titleRef}
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={120}
        />
      </label>
      <CategorySelect
        label={t('outing.category')}
        name="category"
        categories={categories}
        value={category}
        onChange={(next) => {
          setCategory(next);
          fields.setItem(CATEGORY_RULES[next].items[0] as Item);
        }}
      />
      <ItemFields {...fields.props} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('outing.open')}
        </button>
      </div>
    </form>
  );
}
