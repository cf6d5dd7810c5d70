// The manager's side: a day's accepted payments, the cancelled event's picked, one avoir issued per youth.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvoirView, JournalDebitRow } from '../../../../preload/contract';
import type { TillCall } from '../../use-call';
import { DateField } from '../../components/DateField';
import { parisToday } from '../../format/dates';
import { AvoirDebits } from './AvoirDebits';

interface Props {
  /** The avoirs screen's calls: a refusal shows in its banner. */
  call: TillCall;
  onIssued: (list: AvoirView[]) => void;
}

export function AvoirIssue({ call, onIssued }: Props) {
  const { t } = useTranslation();
  const { run, load } = call;
  const [day, setDay] = useState(parisToday());
  const [rows, setRows] = useState<JournalDebitRow[] | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());

  const loadDay = useCallback(
    async (fromDay: string) => {
      if (!fromDay) return;
      const list = await load('journal.list', { fromDay, toDay: fromDay, status: 'accepted' });
      if (!list) return;
      setRows(list.rows);
      setPicked(new Set());
    },
    [load],
  );
  // Today's list on arrival; other days on demand.
  useEffect(() => void loadDay(parisToday()), [loadDay]);

  function submitDay(event: FormEvent) {
    event.preventDefault();
    void loadDay(day);
  }

  async function issue() {
    const issued = await run('avoir.issue', { debitIds: [...picked] });
    if (!issued) return;
    onIssued(issued);
    void loadDay(day);
  }

  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="form no-print" aria-labelledby="avoir-pick">
      <h2 id="avoir-pick">{t('avoir.pickTitle')}</h2>
      <form onSubmit={submitDay} className="actions">
        <DateField label={t('avoir.day')} name="avoir-day" value={day} onChange={setDay} />
        <button type="submit">{t('avoir.load')}</button>
      </form>
      {rows && rows.length === 0 && <p>{t('avoir.none')}</p>}
      {rows && rows.length > 0 && <AvoirDebits rows={rows} picked={picked} onToggle={toggle} />}
      <div className="actions">
        <button type="button" className="primary" disabled={picked.size === 0} onClick={() => void issue()}>
          {t('avoir.issue')}
        </button>
      </div>
    </section>
  );
}
