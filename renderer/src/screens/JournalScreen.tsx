// The journal as the partner reads it: debits filtered by date, category, cashier and status, the totals,
// what still waits for the Region; each entry opens on what it was (who, what, how much, when) with its chain
// position as a technical detail; a manager voids from here, or a cashier with a manager's PIN.
// Keyboard: the search box has the focus on arrival; Down arrow enters the list, which is one Tab stop
// (roving tabindex: arrows, Home, End move; Enter opens the detail).
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category } from '../../../protocol/catalogue';
import type {
  DebitStatus,
  EntryView,
  JournalDebitRow,
  JournalListView,
  StaffView,
  TillErrorValue,
} from '../../../preload/contract';
import { useTill } from '../till-context';
import { useShell } from '../shell/shell-context';
import { formatCents } from '../format/money';
import { formatDateTime, parisToday, voidWindowOpen } from '../format/dates';
import { VoidWindowNote } from '../components/VoidWindowNote';
import { ErrorBanner } from '../components/ErrorBanner';
import { VoidDialog } from '../components/VoidDialog';
import { ReceiptView } from '../components/ReceiptView';
import { DateField } from '../components/DateField';

const STATUSES: DebitStatus[] = ['accepted', 'offline_accepted', 'refused', 'pending', 'voided'];

interface Filters {
  fromDay: string;
  toDay: string;
  category: Category | '';
  cashierId: string;
  status: DebitStatus | '';
}

/** The categories worth a line: the partner's accreditations, and any other that still has payments. */
export function shownCategories(
  accreditations: readonly Category[],
  totals: JournalListView['totals'] = [],
): Category[] {
  return CATEGORIES.filter(
    (c) => accreditations.includes(c) || totals.some((tot) => tot.category === c && tot.count > 0),
  );
}

/** Whether a row matches what was typed in the search box: a name, a sequence number or an amount. */
function matches(row: JournalDebitRow, needle: string, money: (c: number) => string): boolean {
  const n = needle.trim().toLocaleLowerCase('fr');
  if (!n) return true;
  const hay = [row.holderName ?? '', String(row.deviceSeq), money(row.amountCents), money(row.priceCents)]
    .join(' ')
    .toLocaleLowerCase('fr');
  return hay.includes(n) || hay.replace(/\s/g, '').includes(n.replace(/\s/g, ''));
}

export function JournalScreen() {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const shell = useShell();
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
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [open, setOpen] = useState<JournalDebitRow | null>(null);
  const [active, setActive] = useState(0);
  const searchBox = useRef<HTMLInputElement>(null);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const money = useCallback((c: number) => formatCents(c, i18n.language), [i18n.language]);
  const accreditations = shell.status.partner?.accreditations ?? [];

  const load = useCallback(
    async (f: Filters) => {
      const r = await till.invoke('journal.list', {
        ...(f.fromDay ? { fromDay: f.fromDay } : {}),
        ...(f.toDay ? { toDay: f.toDay } : {}),
        ...(f.category ? { category: f.category } : {}),
        ...(f.cashierId ? { cashierId: f.cashierId } : {}),
        ...(f.status ? { status: f.status } : {}),
        limit: 500,
      });
      if (r.ok) {
        setView(r.value);
        setError(null);
      } else setError(r.error);
    },
    [till],
  );

  // On arrival, today's entries; later loads follow the form.
  const initialFilters = useRef(filters);
  useEffect(() => {
    void load(initialFilters.current);
    void till.invoke('staff.list', {}).then((r) => r.ok && setStaff(r.value));
    searchBox.current?.focus();
  }, [load, till]);

  const rows = useMemo(
    () => (view ? view.rows.filter((r) => matches(r, needle, money)) : []),
    [view, needle, money],
  );
  const current = Math.min(active, Math.max(0, rows.length - 1));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(filters);
  };
  const staffName = (id: string | null) => staff.find((s) => s.id === id)?.name ?? '—';
  const focusRow = (i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setActive(next);
    rowRefs.current[next]?.focus();
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, i: number, row: JournalDebitRow) => {
    const moves: Record<string, number> = {
      ArrowDown: i + 1,
      ArrowUp: i - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: i + 10,
      PageUp: i - 10,
    };
    if (e.key in moves) {
      e.preventDefault();
      if (e.key === 'ArrowUp' && i === 0) searchBox.current?.focus();
      else focusRow(moves[e.key] ?? i);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setOpen(row);
    }
  };

  return (
    <main className="screen wide journal">
      <h1>{t('journal.title')}</h1>
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
            onChange={(e) => {
              setNeedle(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' && rows.length > 0) {
                e.preventDefault();
                focusRow(current);
              }
            }}
          />
          <span id="journal-keys" className="hint">
            {t('journalList.filterHint')}
          </span>
        </label>
        <DateField
          label={t('journal.from')}
          name="fromDay"
          value={filters.fromDay}
          onChange={(fromDay) => setFilters((f) => ({ ...f, fromDay }))}
        />
        <DateField
          label={t('journal.to')}
          name="toDay"
          value={filters.toDay}
          onChange={(toDay) => setFilters((f) => ({ ...f, toDay }))}
        />
        <label>
          {t('journal.category')}
          <select
            name="category"
            value={filters.category}
            onChange={(e) => setFilters({ ...filters, category: e.target.value as Category | '' })}
          >
            <option value="">{t('journal.all')}</option>
            {shownCategories(accreditations, view?.totals).map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('journal.cashier')}
          <select
            name="cashier"
            value={filters.cashierId}
            onChange={(e) => setFilters({ ...filters, cashierId: e.target.value })}
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
            onChange={(e) => setFilters({ ...filters, status: e.target.value as DebitStatus | '' })}
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
      <ErrorBanner error={error} />
      {view && (
        <>
          {view.pendingCount > 0 && (
            <p className="banner banner-warn" role="status" data-pending={view.pendingCount}>
              {t('journal.pendingCount', { count: view.pendingCount })}
            </p>
          )}
          <section aria-labelledby="totals-title" className="totals">
            <h2 id="totals-title">{t('journal.totals')}</h2>
            <ul>
              {view.totals
                .filter((tot) => shownCategories(accreditations, view.totals).includes(tot.category))
                .map((tot) => (
                  <li key={tot.category} data-category={tot.category}>
                    {t('journal.total', {
                      category: t(`category.${tot.category}`),
                      count: tot.count,
                      amount: money(tot.amountCents),
                    })}
                  </li>
                ))}
            </ul>
          </section>
          {view.rows.length === 0 ? (
            <p>{t('journal.empty')}</p>
          ) : rows.length === 0 ? (
            <p role="status">{t('journalList.noMatch', { text: needle })}</p>
          ) : (
            <table className="table journal-table" aria-label={t('journalList.rows', { count: rows.length })}>
              <thead>
                <tr>
                  <th scope="col">{t('journal.colSeq')}</th>
                  <th scope="col">{t('journal.colTime')}</th>
                  <th scope="col">{t('journal.colHolder')}</th>
                  <th scope="col">{t('journal.colItem')}</th>
                  <th scope="col">{t('journal.colPrice')}</th>
                  <th scope="col">{t('journal.colAmount')}</th>
                  <th scope="col">{t('journal.colStatus')}</th>
                  <th scope="col">{t('journal.cashier')}</th>
                  <th scope="col">{t('journal.open')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr
                    key={row.debitId}
                    ref={(el) => {
                      rowRefs.current[i] = el;
                    }}
                    tabIndex={i === current ? 0 : -1}
                    aria-label={t('journalList.rowLabel', {
                      seq: row.deviceSeq,
                      holder: row.holderName ?? '—',
                      item: `${t(`category.${row.category}`)} — ${t(`item.${row.item}`)}`,
                      amount: money(row.amountCents),
                      status: t(`status.${row.status}`),
                    })}
                    onFocus={() => setActive(i)}
                    onKeyDown={(e) => onRowKey(e, i, row)}
                    onDoubleClick={() => setOpen(row)}
                    data-debit-id={row.debitId}
                    data-status={row.status}
                    data-mode={row.mode}
                    className={row.mode === 'offline' ? 'journal-row offline-row' : 'journal-row'}
                  >
                    <td>{row.deviceSeq}</td>
                    <td>{formatDateTime(row.occurredAt, i18n.language)}</td>
                    <td>{row.holderName ?? '—'}</td>
                    <td>
                      {t(`category.${row.category}`)} — {t(`item.${row.item}`)}
                      {row.kind === 'coupon' && <span className="tag">{t('journal.coupon')}</span>}
                    </td>
                    <td>{money(row.priceCents)}</td>
                    <td>{money(row.amountCents)}</td>
                    <td>
                      {t(`status.${row.status}`)}
                      {row.mode === 'offline' && (
                        <span className="tag offline-mark">{t('mode.offline')}</span>
                      )}
                    </td>
                    <td>{staffName(row.cashierId)}</td>
                    <td>
                      {/* Out of the Tab order: the row is the stop, Enter opens it; the button is for the mouse. */}
                      <button
                        type="button"
                        className="small"
                        tabIndex={-1}
                        onClick={() => setOpen(row)}
                        aria-label={`${t('journal.open')} ${row.deviceSeq}`}
                      >
                        {t('journal.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
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
            requestAnimationFrame(() => rowRefs.current[current]?.focus());
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

interface DetailProps {
  row: JournalDebitRow;
  isManager: boolean;
  managers: StaffView[];
  cashierName: string;
  nameOf: (staffId: string | null) => string;
  onClose: () => void;
  onVoided: () => void;
}

function EntryDetail({ row, isManager, managers, cashierName, nameOf, onClose, onVoided }: DetailProps) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const [entry, setEntry] = useState<EntryView | null>(null);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [voiding, setVoiding] = useState(false);
  // The receipt of a sale, again (a youth who lost it, the printer out of paper): printed where Réglages says.
  const [reprinting, setReprinting] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const voidButton = useRef<HTMLButtonElement>(null);
  const wasVoiding = useRef(false);
  const money = (c: number) => formatCents(c, i18n.language);

  useEffect(() => {
    void till
      .invoke('journal.entry', { seq: row.deviceSeq })
      .then((r) => (r.ok ? setEntry(r.value) : setError(r.error)));
    closeButton.current?.focus();
  }, [till, row.deviceSeq]);
  // Back from a void kept (Escape): the focus returns to the void button, inside the dialog, so its keys work.
  useEffect(() => {
    if (wasVoiding.current && !voiding) voidButton.current?.focus();
    wasVoiding.current = voiding;
  }, [voiding]);

  const held = row.status === 'accepted' || row.status === 'offline_accepted';
  const voidable = held && voidWindowOpen(row.occurredAt);
  return (
    <section
      className="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="entry-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.altKey && e.key.toLowerCase() === 'v' && voidable) {
          e.preventDefault();
          setVoiding(true);
        }
      }}
    >
      <h2 id="entry-title">{t('journal.detail', { seq: row.deviceSeq })}</h2>
      {reprinting ? (
        <ReceiptView debitId={row.debitId} onBack={() => setReprinting(false)} />
      ) : voiding ? (
        <VoidDialog
          row={row}
          isManager={isManager}
          managers={managers}
          cashierName={cashierName}
          onCancel={() => setVoiding(false)}
          onVoided={onVoided}
        />
      ) : (
        <>
          <dl className="entry entry-summary">
            <dt>{t('voidDialog.holder')}</dt>
            <dd>{row.holderName ?? t('voidDialog.holderUnknown')}</dd>
            <dt>{t('voidDialog.what')}</dt>
            <dd>
              {t(`category.${row.category}`)} — {t(`item.${row.item}`)}
            </dd>
            <dt>{t('voidDialog.amount')}</dt>
            <dd>
              {t('voidDialog.amountLine', { amount: money(row.amountCents), price: money(row.priceCents) })}
            </dd>
            <dt>{t('voidDialog.when')}</dt>
            <dd>{formatDateTime(row.occurredAt, i18n.language)}</dd>
            <dt>{t('voidDialog.cashier')}</dt>
            <dd>{cashierName}</dd>
            <dt>{t('journal.colStatus')}</dt>
            <dd>
              {t(`status.${row.status}`)} — {t(`mode.${row.mode}`)} —{' '}
              {row.regionConfirmed ? t('journal.confirmed') : t('journal.notConfirmed')}
            </dd>
            {row.voidRequest && (
              <>
                <dt>{t('voidDialog.voidTitle')}</dt>
                <dd className="void-request">
                  {t(row.voidRequest.authorisedBy ? 'voidDialog.voidLineAuthorised' : 'voidDialog.voidLine', {
                    by: nameOf(row.voidRequest.cashierId),
                    manager: nameOf(row.voidRequest.authorisedBy),
                    at: formatDateTime(row.voidRequest.at, i18n.language),
                    reason: t(`voidReason.${row.voidRequest.reason}`, {
                      defaultValue: row.voidRequest.reason,
                    }),
                  })}
                </dd>
              </>
            )}
          </dl>
          <ErrorBanner error={error} />
          <div className="actions">
            <button ref={closeButton} type="button" onClick={onClose}>
              {t('journal.close')}
            </button>
            {held && (
              <button type="button" onClick={() => setReprinting(true)}>
                {t('manage.printer.reprint')}
              </button>
            )}
            {held && (
              <button
                ref={voidButton}
                type="button"
                className="danger"
                aria-keyshortcuts="Alt+V"
                disabled={!voidable}
                onClick={() => setVoiding(true)}
              >
                {t('void.action')}
              </button>
            )}
            {!isManager && held && voidable && <span className="hint">{t('voidDialog.overrideHelp')}</span>}
          </div>
          {held && !voidable && <VoidWindowNote occurredAt={row.occurredAt} closed />}
        </>
      )}
      <details className="technical">
        <summary>{t('voidDialog.technical')}</summary>
        {entry && (
          <>
            <dl className="entry">
              <dt>{t('journal.kind')}</dt>
              <dd className="mono">{entry.kind}</dd>
              <dt>{t('journal.at')}</dt>
              <dd>{formatDateTime(entry.at, i18n.language)}</dd>
              <dt>{t('journal.prevHash')}</dt>
              <dd className="mono hash">{entry.prevHash}</dd>
              <dt>{t('journal.hash')}</dt>
              <dd className="mono hash">{entry.hash}</dd>
            </dl>
            <p className="chain">
              {t('journal.chain', { seq: entry.seq, prev: Math.max(0, entry.seq - 1) })}
            </p>
          </>
        )}
      </details>
    </section>
  );
}
