// The journal as the partner reads it: debits filtered by date, category, cashier and status, the totals,
// what still waits for the Region; each entry opens on what it was (who, what, how much, when) with its chain
// position as a technical detail; a manager voids from here, or a cashier with a manager's PIN.
// Keyboard: the search box has the focus on arrival; Down arrow enters the list, which is one Tab stop
// (roving tabindex: arrows, Home, End move; Enter opens the detail).
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalDebitRow, JournalListView, StaffView } from '../../../preload/contract';
import { useCall } from '../use-call';
import { useShell } from '../shell/shell-context';
import { formatCents } from '../format/money';
import { parisToday } from '../format/dates';
import { ErrorBanner } from '../components/ErrorBanner';
import { listInput, matches, shownCategories, type Filters } from './journal/journal-query';
import { useRowFocus } from './journal/use-row-focus';
import { JournalFilters } from './journal/JournalFilters';
import { JournalTotals } from './journal/JournalTotals';
import { JournalTable } from './journal/JournalTable';
import { EntryDetail } from './journal/EntryDetail';
import { useQuietLoad } from '../use-quiet-load';

export function JournalScreen() {
  const { t, i18n } = useTranslation();
  const shell = useShell();
  const { error, load: loadCall } = useCall();
  const today = parisToday();
  const [filters, setFilters] = useState<Filters>({
    fromDay: today,
    toDay: today,
    category: '',
    cashierId: '',
    status: '',
  });
  const [needle, setNeedle] = useState('');
  const [view, setView] = useState<JournalListView | null>(null);
  const [staff, setStaff] = useState<StaffView[]>([]);
  const [open, setOpen] = useState<JournalDebitRow | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const money = useCallback((c: number) => formatCents(c, i18n.language), [i18n.language]);
  const categories = shownCategories(shell.status.partner?.accreditations ?? [], view?.totals);

  const load = useCallback(
    async (f: Filters) => {
      const listed = await loadCall('journal.list', listInput(f));
      if (listed) setView(listed);
    },
    [loadCall],
  );

  // On arrival, today's entries; later loads follow the form. The staff only name the cashiers: a list that
  // cannot load leaves the names out, and no refusal.
  const initialFilters = useRef(filters);
  useEffect(() => {
    void load(initialFilters.current);
    searchBox.current?.focus();
  }, [load]);
  useQuietLoad('staff.list', {}, setStaff);

  const rows = useMemo(
    () => (view ? view.rows.filter((r) => matches(r, needle, money)) : []),
    [view, needle, money],
  );
  const focus = useRowFocus(rows.length, () => searchBox.current?.focus());
  const staffName = (id: string | null) => staff.find((s) => s.id === id)?.name ?? '—';
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && rows.length > 0) {
      e.preventDefault();
      focus.focusRow(focus.current);
    }
  };

  return (
    <main className="screen wide journal">
      <h1>{t('journal.title')}</h1>
      <JournalFilters
        filters={filters}
        onFilters={(patch) => setFilters((f) => ({ ...f, ...patch }))}
        needle={needle}
        onNeedle={(text) => {
          setNeedle(text);
          focus.setActive(0);
        }}
        searchBox={searchBox}
        onSearchKey={onSearchKey}
        categories={categories}
        staff={staff}
        onSubmit={() => void load(filters)}
      />
      <ErrorBanner error={error} />
      {view && (
        <>
          <JournalTotals view={view} categories={categories} />
          {view.rows.length === 0 ? (
            <p>{t('journal.empty')}</p>
          ) : rows.length === 0 ? (
            <p role="status">{t('journalList.noMatch', { text: needle })}</p>
          ) : (
            <JournalTable rows={rows} focus={focus} staffName={staffName} onOpen={setOpen} />
          )}
        </>
      )}
      {open && (
        <EntryDetail
          row={open}
          isManager={shell.isManager}
          managers={staff.filter((s) => s.role === 'manager')}
          cashierName={staffName(open.cashierId)}
          nameOf={staffName}
          onClose={() => {
            setOpen(null);
            // Back where the cashier was in the list.
            requestAnimationFrame(() => focus.rowRefs.current[focus.current]?.focus());
          }}
          onVoided={() => {
            setOpen(null);
            shell.refreshStatus();
            void load(filters);
          }}
        />
      )}
    </main>
  );
}
