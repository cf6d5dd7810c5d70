// Avoirs (§2.4): the manager picks a cancelled event's payments from the journal and issues one credit note
// per youth, printed with its code; any cashier redeems one later, in whole or in part. An avoir is the
// partner's own credit: it is never Atouts money and never appears in an Atouts total.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvoirView, JournalDebitRow, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { useShell } from '../shell/shell-context';
import { ErrorBanner } from '../components/ErrorBanner';
import { DateField } from '../components/DateField';
import { formatCents, parseEuros } from '../format/money';
import { formatDate, formatDateTime, parisToday } from '../format/dates';

export function AvoirsScreen() {
  const { t } = useTranslation();
  const shell = useShell();
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [issued, setIssued] = useState<AvoirView[] | null>(null);
  const [refresh, setRefresh] = useState(0);
  return (
    <main className="screen wide avoirs">
      <h1>{t('avoir.title')}</h1>
      <p className="hint no-print">{t('avoir.help')}</p>
      <ErrorBanner error={error} />
      <AvoirRedeem onError={setError} onDone={() => setRefresh((n) => n + 1)} />
      {shell.isManager && (
        <>
          <AvoirIssue
            onError={setError}
            onIssued={(list) => {
              setIssued(list);
              setRefresh((n) => n + 1);
            }}
          />
          {issued && <AvoirSlips avoirs={issued} />}
          <AvoirList key={refresh} onError={setError} />
        </>
      )}
    </main>
  );
}

function AvoirRedeem({
  onError,
  onDone,
}: {
  onError: (e: TillErrorValue | null) => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const [code, setCode] = useState('');
  const [avoir, setAvoir] = useState<AvoirView | null>(null);
  const [amount, setAmount] = useState('');
  const money = (c: number) => formatCents(c, i18n.language);

  async function find(event: FormEvent) {
    event.preventDefault();
    const r = await till.invoke('avoir.get', { code });
    if (!r.ok) return onError(r.error);
    onError(null);
    setAvoir(r.value);
    setAmount('');
  }

  async function redeem(event: FormEvent) {
    event.preventDefault();
    const cents = parseEuros(amount);
    if (!avoir || cents === null) return;
    const r = await till.invoke('avoir.redeem', { code: avoir.code, amountCents: cents });
    if (!r.ok) return onError(r.error);
    onError(null);
    setAvoir(r.value);
    setAmount('');
    onDone();
  }

  return (
    <section className="form no-print" aria-labelledby="avoir-redeem">
      <h2 id="avoir-redeem">{t('avoir.redeemTitle')}</h2>
      <form onSubmit={(e) => void find(e)} className="actions">
        <label>
          {t('avoir.code')}
          <input
            name="avoir-code"
            autoComplete="off"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="AV-XXXX-XXXX"
          />
        </label>
        <button type="submit">{t('avoir.find')}</button>
      </form>
      {avoir && (
        <form
          onSubmit={(e) => void redeem(e)}
          className="actions"
          data-avoir={avoir.code}
          data-remaining={avoir.remainingCents}
        >
          <p role="status">
            {avoir.code} — {avoir.name ?? ''} — {t(`category.${avoir.category}`)} —{' '}
            {t('avoir.remaining', { amount: money(avoir.remainingCents), total: money(avoir.amountCents) })}
          </p>
          <label>
            {t('avoir.amount')}
            <input
              name="avoir-amount"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          </label>
          <button type="submit" className="primary" disabled={avoir.remainingCents === 0}>
            {t('avoir.redeem')}
          </button>
        </form>
      )}
    </section>
  );
}

function AvoirIssue({
  onError,
  onIssued,
}: {
  onError: (e: TillErrorValue | null) => void;
  onIssued: (list: AvoirView[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const [day, setDay] = useState(parisToday());
  const [rows, setRows] = useState<JournalDebitRow[] | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());

  async function load(event?: FormEvent) {
    event?.preventDefault();
    if (!day) return;
    const r = await till.invoke('journal.list', { fromDay: day, toDay: day, status: 'accepted' });
    if (!r.ok) return onError(r.error);
    onError(null);
    setRows(r.value.rows);
    setPicked(new Set());
  }
  // The day's list once on arrival; later days on demand.
  useEffect(() => void load(), []);

  async function issue() {
    const r = await till.invoke('avoir.issue', { debitIds: [...picked] });
    if (!r.ok) return onError(r.error);
    onError(null);
    onIssued(r.value);
    void load();
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
      <form onSubmit={(e) => void load(e)} className="actions">
        <DateField label={t('avoir.day')} name="avoir-day" value={day} onChange={setDay} />
        <button type="submit">{t('avoir.load')}</button>
      </form>
      {rows && rows.length === 0 && <p>{t('avoir.none')}</p>}
      {rows && rows.length > 0 && (
        <table className="table avoir-debits">
          <thead>
            <tr>
              <th scope="col">{t('avoir.pick')}</th>
              <th scope="col">{t('avoir.colName')}</th>
              <th scope="col">{t('avoir.colCategory')}</th>
              <th scope="col">{t('avoir.colAmount')}</th>
              <th scope="col">{t('avoir.colIssued')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.debitId} data-debit-id={row.debitId}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('avoir.pick')} ${row.holderName ?? row.debitId}`}
                    checked={picked.has(row.debitId)}
                    onChange={() => toggle(row.debitId)}
                  />
                </td>
                <td>{row.holderName ?? '—'}</td>
                <td>{t(`category.${row.category}`)}</td>
                <td>{formatCents(row.amountCents, i18n.language)}</td>
                <td>{formatDateTime(row.occurredAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={picked.size === 0} onClick={() => void issue()}>
          {t('avoir.issue')}
        </button>
      </div>
    </section>
  );
}

/** The avoirs just issued, one printable slip each: the code is what the youth brings back. */
function AvoirSlips({ avoirs }: { avoirs: AvoirView[] }) {
  const { t, i18n } = useTranslation();
  const shell = useShell();
  return (
    <section className="avoir-slips" aria-labelledby="avoir-slips">
      <h2 id="avoir-slips" role="status">
        {t('avoir.issued', { count: avoirs.length })}
      </h2>
      {avoirs.map((a) => (
        <p key={a.avoirId} className="avoir-slip" data-avoir-code={a.code} data-amount={a.amountCents}>
          {t('avoir.slip', {
            code: a.code,
            amount: formatCents(a.amountCents, i18n.language),
            category: t(`category.${a.category}`),
            partner: shell.status.partner?.name ?? '',
          })}
          {a.name ? ` — ${a.name}` : ''}
        </p>
      ))}
      <button type="button" className="no-print" onClick={() => window.print()}>
        {t('avoir.print')}
      </button>
    </section>
  );
}

function AvoirList({ onError }: { onError: (e: TillErrorValue | null) => void }) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const [avoirs, setAvoirs] = useState<AvoirView[] | null>(null);
  useEffect(() => {
    void till.invoke('avoir.list', {}).then((r) => (r.ok ? setAvoirs(r.value) : onError(r.error)));
  }, [till, onError]);
  if (!avoirs || avoirs.length === 0) return null;
  const money = (c: number) => formatCents(c, i18n.language);
  async function exportMonth() {
    const month = parisToday().slice(0, 7);
    const r = await till.invoke('avoir.export', { fromDay: `${month}-01`, toDay: parisToday() });
    if (!r.ok) return onError(r.error);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([r.value.text], { type: 'text/csv;charset=utf-8' }));
    link.download = r.value.name;
    link.click();
    URL.revokeObjectURL(link.href);
  }
  return (
    <section className="no-print" aria-labelledby="avoir-list">
      <h2 id="avoir-list">{t('avoir.listTitle')}</h2>
      <table className="table avoir-list">
        <thead>
          <tr>
            <th scope="col">{t('avoir.colCode')}</th>
            <th scope="col">{t('avoir.colName')}</th>
            <th scope="col">{t('avoir.colCategory')}</th>
            <th scope="col">{t('avoir.colAmount')}</th>
            <th scope="col">{t('avoir.colRemaining')}</th>
            <th scope="col">{t('avoir.colIssued')}</th>
          </tr>
        </thead>
        <tbody>
          {avoirs.map((a) => (
            <tr key={a.avoirId} data-avoir-code={a.code} data-remaining={a.remainingCents}>
              <td className="mono">{a.code}</td>
              <td>{a.name ?? '—'}</td>
              <td>{t(`category.${a.category}`)}</td>
              <td>{money(a.amountCents)}</td>
              <td>{money(a.remainingCents)}</td>
              <td>{formatDate(a.issuedAt, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => void exportMonth()}>
        {t('avoir.export')}
      </button>
    </section>
  );
}
