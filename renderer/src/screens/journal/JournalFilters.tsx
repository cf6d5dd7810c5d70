// The journal's filters: the search box (narrows the rows shown, in the page; Down arrow enters the list),
// then the period, category, cashier and status that Rechercher asks the till for.
import type { FormEvent, KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../protocol/catalogue';
import type { DebitStatus, StaffView } from '../../../../preload/contract';
import { CategorySelect } from '../../components/CategorySelect';
import { DateField } from '../../components/DateField';
import { STATUSES, type Filters } from './journal-query';

interface Props {
  filters: Filters;
  onFilters: (patch: Partial<Filters>) => void;
  needle: string;
  onNeedle: (needle: string) => void;
  searchBox: RefObject<HTMLInputElement | null>;
  onSearchKey: (e: KeyboardEvent<HTMLInputElement>) => void;
  categories: readonly Category[];
  staff: readonly StaffView[];
  onSubmit: () => void;
}

export function JournalFilters(props: Props) {
  const { filters, onFilters, needle, onNeedle, searchBox, onSearchKey, categories, staff, onSubmit } = props;
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="form filters" onSubmit={submit}>
      <label className="journal-search">
        {t('journalList.filter')}
        <input
          ref={searchBox}
          type="search"
          name="search"
          autoComplete="off"
          aria-describedby="journal-keys"
          value={needle}
          onChange={(e) => onNeedle(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <span id="journal-keys" className="hint">
          {t('journalList.filterHint')}
        </span>
      </label>
      <DateField
        label={t('journal.from')}
        name="fromDay"
        value={filters.fromDay}
        onChange={(fromDay) => onFilters({ fromDay })}
      />
      <DateField
        label={t('journal.to')}
        name="toDay"
        value={filters.toDay}
        onChange={(toDay) => onFilters({ toDay })}
      />
      <CategorySelect
        label={t('journal.category')}
        name="category"
        allLabel={t('journal.all')}
        categories={categories}
        value={filters.category}
        onChange={(category) => onFilters({ category })}
      />
      <label>
        {t('journal.cashier')}
        <select
          name="cashier"
          value={filters.cashierId}
          onChange={(e) => onFilters({ cashierId: e.target.value })}
        >
          <option value="">{t('journal.all')}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('journal.status')}
        <select
          name="status"
          value={filters.status}
          onChange={(e) => onFilters({ status: e.target.value as DebitStatus | '' })}
        >
          <option value="">{t('journal.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary">
        {t('journal.search')}
      </button>
    </form>
  );
}
