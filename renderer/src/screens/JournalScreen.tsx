// The journal as the partner reads it: debits filtered by date, category, cashier and status, the totals,
// what still waits for the Region; each entry opens on its chain position; a manager voids from here.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, type Category } from '../../../protocol/catalogue';
import type { DebitStatus, EntryView, JournalDebitRow, JournalListView, StaffView, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { useShell } from '../shell/shell-context';
import { formatCents } from '../format/money';
import { formatDateTime, parisToday, voidWindowOpen } from '../format/dates';
import { VoidWindowNote } from '../components/VoidWindowNote';
import { ErrorBanner } from '../components/ErrorBanner';
import { VoidDialog } from '../components/VoidDialog';

const STATUSES: DebitStatus[] = ['accepted', 'offline_accepted', 'refused', 'pending', 'voided'];

interface Filters {
  fromDay: string;
  toDay: string;
  category: Category | '';
  cashierId: string;
  status: DebitStatus | '';
}

export function JournalScreen() {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const shell = useShell();
  const today = parisToday();
  const [filters, setFilters] = useState<Filters>({ fromDay: today, toDay: today, category: '', cashierId: '', status: '' });
  const [view, setView] = useState<JournalListView | null>(null);
  const [staff, setStaff] = useState<StaffView[]>([]);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [open, setOpen] = useState<JournalDebitRow | null>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const money = (c: number) => formatCents(c, i18n.language);

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
    firstField.current?.focus();
  }, [load, till]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load(filters);
  };
  const staffName = (id: string | null) => staff.find((s) => s.id === id)?.name ?? '—';

  return (
    <main className="screen wide journal">
      <h1>{t('journal.title')}</h1>
      <form className="form filters" onSubmit={submit}>
        <label>
          {t('journal.from')}
          <input ref={firstField} type="date" name="fromDay" value={filters.fromDay} onChange={(e) => setFilters({ ...filters, fromDay: e.target.value })} />
        </label>
        <label>
          {t('journal.to')}
          <input type="date" name="toDay" value={filters.toDay} onChange={(e) => setFilters({ ...filters, toDay: e.target.value })} />
        </label>
        <label>
          {t('journal.category')}
          <select name="category" value={filters.category} onChange={(e) => setFilters({ ...filters, category: e.target.value as Category | '' })}>
            <option value="">{t('journal.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('journal.cashier')}
          <select name="cashier" value={filters.cashierId} onChange={(e) => setFilters({ ...filters, cashierId: e.target.value })}>
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
          <select name="status" value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.target.value as DebitStatus | '' })}>
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
              {view.totals.map((tot) => (
                <li key={tot.category} data-category={tot.category}>
                  {t('journal.total', { category: t(`category.${tot.category}`), count: tot.count, amount: money(tot.amountCents) })}
                </li>
              ))}
            </ul>
          </section>
          {view.rows.length === 0 ? (
            <p>{t('journal.empty')}</p>
          ) : (
            <table className="table journal-table">
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
                {view.rows.map((row) => (
                  <tr key={row.debitId} data-debit-id={row.debitId} data-status={row.status} data-mode={row.mode} className={row.mode === 'offline' ? 'offline-row' : ''}>
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
                      {row.mode === 'offline' && <span className="tag offline-mark">{t('mode.offline')}</span>}
                    </td>
                    <td>{staffName(row.cashierId)}</td>
                    <td>
                      <button type="button" className="small" onClick={() => setOpen(row)} aria-label={`${t('journal.open')} ${row.deviceSeq}`}>
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
          onClose={() => setOpen(null)}
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

function EntryDetail({ row, isManager, onClose, onVoided }: { row: JournalDebitRow; isManager: boolean; onClose: () => void; onVoided: () => void }) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const [entry, setEntry] = useState<EntryView | null>(null);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [voiding, setVoiding] = useState(false);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void till.invoke('journal.entry', { seq: row.deviceSeq }).then((r) => (r.ok ? setEntry(r.value) : setError(r.error)));
    closeButton.current?.focus();
  }, [till, row.deviceSeq]);

  const voidable = (row.status === 'accepted' || row.status === 'offline_accepted') && voidWindowOpen(row.occurredAt);
  return (
    <section
      className="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="entry-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.altKey && e.key.toLowerCase() === 'v' && voidable) setVoiding(true);
      }}
    >
      <h2 id="entry-title">{t('journal.detail', { seq: row.deviceSeq })}</h2>
      <dl className="entry">
        <dt>{t('journal.colStatus')}</dt>
        <dd>
          {t(`status.${row.status}`)} — {t(`mode.${row.mode}`)} — {row.regionConfirmed ? t('journal.confirmed') : t('journal.notConfirmed')}
        </dd>
        {entry && (
          <>
            <dt>{t('journal.kind')}</dt>
            <dd className="mono">{entry.kind}</dd>
            <dt>{t('journal.at')}</dt>
            <dd>{formatDateTime(entry.at, i18n.language)}</dd>
            <dt>{t('journal.prevHash')}</dt>
            <dd className="mono hash">{entry.prevHash}</dd>
            <dt>{t('journal.hash')}</dt>
            <dd className="mono hash">{entry.hash}</dd>
          </>
        )}
      </dl>
      {entry && <p className="chain">{t('journal.chain', { seq: entry.seq, prev: Math.max(0, entry.seq - 1) })}</p>}
      <ErrorBanner error={error} />
      {voiding ? (
        <VoidDialog row={row} onCancel={() => setVoiding(false)} onVoided={onVoided} />
      ) : (
        <div className="actions">
          <button ref={closeButton} type="button" onClick={onClose}>
            {t('journal.close')}
          </button>
          {(row.status === 'accepted' || row.status === 'offline_accepted') && (
            <button type="button" className="danger" aria-keyshortcuts="Alt+V" disabled={!voidable} onClick={() => setVoiding(true)}>
              {t('void.action')}
            </button>
          )}
          {!isManager && (row.status === 'accepted' || row.status === 'offline_accepted') && <span className="hint">{t('void.managerOnly')}</span>}
        </div>
      )}
      {(row.status === 'accepted' || row.status === 'offline_accepted') && !voidable && <VoidWindowNote occurredAt={row.occurredAt} closed />}
    </section>
  );
}
