// Sortie collective (§2.3): the cashier names the outing, its item and the price per person once, then scans
// pass after pass. Each card proposes as much Atouts as the balance allows, up to the price; Enter takes it,
// 0 means the youth does not use Atouts (it is never required). A refused pass joins the "à régler
// autrement" list and the run goes on. The summary says who paid what with Atouts and what the leader pays.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CATEGORY_RULES, walletOf, type Category, type Item } from '../../../protocol/catalogue';
import type {
  ErrorCode,
  OutingPassView,
  OutingView,
  PassCard,
  TillErrorValue,
} from '../../../preload/contract';
import { useTill } from '../till-context';
import { useScanTarget, useShell, type ScanInput } from '../shell/shell-context';
import { useAltShortcut } from '../shell/use-shortcut';
import { ErrorBanner } from '../components/ErrorBanner';
import { PassCardView } from '../components/PassCardView';
import { ItemFields, useItemFields } from '../components/ItemFields';
import { CategorySelect } from '../components/CategorySelect';
import { centsToInput, formatCents, parseEuros } from '../format/money';
import { errorSentence } from '../i18n';

export function OutingScreen() {
  const { t } = useTranslation();
  const till = useTill();
  const [outing, setOuting] = useState<OutingView | null | undefined>(undefined);
  const [error, setError] = useState<TillErrorValue | null>(null);

  useEffect(() => {
    void till.invoke('outing.current', {}).then((r) => (r.ok ? setOuting(r.value) : setError(r.error)));
  }, [till]);

  return (
    <main className="screen wide outing">
      <h1>{t('outing.title')}</h1>
      <p className="hint">{t('outing.help')}</p>
      <ErrorBanner error={error} />
      {outing === null && <OutingSetup onOpen={setOuting} onError={setError} />}
      {outing && !outing.closedAt && <OutingRun outing={outing} onChange={setOuting} onError={setError} />}
      {outing?.closedAt && <OutingSummary outing={outing} onAgain={() => setOuting(null)} />}
    </main>
  );
}

function OutingSetup({
  onOpen,
  onError,
}: {
  onOpen: (o: OutingView) => void;
  onError: (e: TillErrorValue | null) => void;
}) {
  const { t } = useTranslation();
  const till = useTill();
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
    const r = await till.invoke('outing.open', {
      title,
      category,
      ...fields.chosen,
      priceCents: fields.priceCents,
    });
    if (r.ok) {
      onError(null);
      onOpen(r.value);
    } else onError(r.error);
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

function OutingRun({
  outing,
  onChange,
  onError,
}: {
  outing: OutingView;
  onChange: (o: OutingView) => void;
  onError: (e: TillErrorValue | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const shell = useShell();
  const money = (c: number) => formatCents(c, i18n.language);
  const [card, setCard] = useState<PassCard | null>(null);
  const [part, setPart] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<{ ok: boolean; sentence: string } | null>(null);
  const partRef = useRef<HTMLInputElement>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const latest = useRef(0);

  useEffect(() => (card ? partRef.current?.select() : scanRef.current?.focus()), [card]);

  const toOtherwise = useCallback(
    async (code: ErrorCode, name?: string) => {
      const r = await till.invoke('outing.otherwise', {
        outingId: outing.outingId,
        code,
        ...(name ? { name } : {}),
      });
      if (r.ok) onChange(r.value);
      else onError(r.error);
    },
    [till, outing.outingId, onChange, onError],
  );

  const scan = useCallback(
    async ({ text: scanned, source }: ScanInput) => {
      const mine = ++latest.current;
      setBusy(true);
      const r = await till.invoke('pass.scan', { text: scanned, source });
      if (mine !== latest.current) return;
      setBusy(false);
      const refusal: ErrorCode | null = !r.ok
        ? r.error.code
        : r.value.kind === 'refused'
          ? r.value.code
          : r.value.kind === 'coupon'
            ? 'TOKEN_INVALID'
            : null;
      if (refusal || !r.ok || r.value.kind !== 'pass') {
        // Refused at the scan: to the list, and the run goes on.
        shell.beep('refused');
        setCard(null);
        setLast({ ok: false, sentence: errorSentence(t, refusal ?? 'INTERNAL') });
        await toOtherwise(refusal ?? 'INTERNAL');
        return;
      }
      const next = r.value.card;
      const balance = next.wallets.find((w) => w.wallet === walletOf(outing.category))?.balanceCents ?? 0;
      setCard(next);
      setPart(centsToInput(Math.max(0, Math.min(balance, outing.priceCents))));
    },
    [till, shell, t, outing.category, outing.priceCents, toOtherwise],
  );
  useScanTarget((s) => void scan(s));

  async function pay(amountCents: number) {
    if (!card) return;
    setBusy(true);
    const r = await till.invoke('outing.pass', {
      outingId: outing.outingId,
      scanId: card.scanId,
      amountCents,
    });
    setBusy(false);
    const name = `${card.beneficiary.givenName} ${card.beneficiary.familyName}`;
    setCard(null);
    if (!r.ok) return onError(r.error);
    onError(null);
    onChange(r.value.outing);
    const accepted =
      r.value.outcome &&
      (r.value.outcome.status === 'accepted' ||
        r.value.outcome.status === 'offline_accepted' ||
        r.value.outcome.status === 'pending');
    shell.beep(accepted ? 'accepted' : 'refused');
    setLast(
      accepted
        ? { ok: true, sentence: `${name} : ${money(r.value.outcome!.amountCents)}` }
        : { ok: false, sentence: `${name} : ${reasonOf(t, r.value.otherwise)}` },
    );
  }

  function submitPart(event: FormEvent) {
    event.preventDefault();
    const cents = parseEuros(part);
    if (cents !== null) void pay(cents);
  }

  function submitScan(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    setText('');
    if (value) void scan({ text: value, source: 'paste' });
  }

  async function close() {
    const r = await till.invoke('outing.close', { outingId: outing.outingId });
    if (r.ok) onChange(r.value);
    else onError(r.error);
  }
  useAltShortcut('t', () => void close(), !busy);

  return (
    <>
      <h2 data-outing={outing.outingId}>
        {t('outing.running', { title: outing.title, price: money(outing.priceCents) })}
      </h2>
      <p className="outing-counts" role="status" data-passes={outing.passes.length}>
        {t('outing.counts', {
          passes: outing.passes.length,
          debits: outing.debitCount,
          atouts: money(outing.atoutsCents),
          otherwise: outing.otherwiseCount,
        })}
      </p>
      {last && (
        <p
          className={`banner ${last.ok ? 'banner-ok' : 'banner-ko'}`}
          data-last={last.ok ? 'paid' : 'otherwise'}
        >
          {last.sentence}
        </p>
      )}
      {card ? (
        <div className="sale" key={card.scanId}>
          <PassCardView card={card} />
          <form className="form" onSubmit={submitPart}>
            <label>
              {t('outing.part')}
              <input
                ref={partRef}
                name="part"
                inputMode="decimal"
                autoComplete="off"
                value={part}
                onChange={(e) => setPart(e.target.value)}
              />
            </label>
            <p className="hint">{t('outing.partHint')}</p>
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {t('outing.pay')}
              </button>
              <button type="button" disabled={busy} onClick={() => void pay(0)}>
                {t('outing.skip')}
              </button>
            </div>
          </form>
        </div>
      ) : (
        <form className="form" onSubmit={submitScan}>
          <label>
            {t('outing.scan')}
            <input
              ref={scanRef}
              name="token"
              autoComplete="off"
              spellCheck={false}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
        </form>
      )}
      <OutingPasses outing={outing} />
      <div className="actions">
        <button type="button" aria-keyshortcuts="Alt+T" disabled={busy} onClick={() => void close()}>
          {t('outing.close')}
        </button>
      </div>
    </>
  );
}

function OutingPasses({ outing }: { outing: OutingView }) {
  const { t, i18n } = useTranslation();
  const paid = outing.passes.filter((p) => p.status !== 'otherwise');
  const otherwise = outing.passes.filter((p) => p.status === 'otherwise');
  return (
    <div className="outing-lists">
      <section aria-labelledby="outing-paid">
        <h2 id="outing-paid">{t('outing.paid')}</h2>
        <table className="table outing-paid">
          <thead>
            <tr>
              <th scope="col">{t('outing.colName')}</th>
              <th scope="col">{t('outing.colAmount')}</th>
            </tr>
          </thead>
          <tbody>
            {paid.map((p) => (
              <tr key={p.debitId} data-debit-id={p.debitId} data-status={p.status}>
                <td>{p.name ?? t('outing.unknownName')}</td>
                <td>
                  {formatCents(p.amountCents, i18n.language)}{' '}
                  <span className="hint">({t(`outing.status.${p.status}`)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="outing-otherwise">
        <h2 id="outing-otherwise">{t('outing.otherwise')}</h2>
        <table className="table outing-otherwise">
          <thead>
            <tr>
              <th scope="col">{t('outing.colName')}</th>
              <th scope="col">{t('outing.colReason')}</th>
            </tr>
          </thead>
          <tbody>
            {otherwise.map((p, i) => (
              <tr key={`${p.debitId ?? 'scan'}-${i}`} data-code={p.code}>
                <td>{p.name ?? t('outing.unknownName')}</td>
                <td>{reasonOf(t, p.code)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** Why a pass is to be settled otherwise: the youth's choice, or the refusal's sentence. */
function reasonOf(t: TFunction, code: OutingPassView['code']): string {
  return code === 'NOT_USED' ? t('outing.notUsed') : errorSentence(t, code ?? 'INTERNAL');
}

function OutingSummary({ outing, onAgain }: { outing: OutingView; onAgain: () => void }) {
  const { t, i18n } = useTranslation();
  const money = (c: number) => formatCents(c, i18n.language);
  const again = useRef<HTMLButtonElement>(null);
  useEffect(() => again.current?.focus(), []);
  return (
    <section className="outing-summary" aria-labelledby="outing-summary">
      <h2 id="outing-summary">
        {t('outing.summary')} — {outing.title}
      </h2>
      <p data-atouts={outing.atoutsCents}>
        {t('outing.atoutsTotal', { amount: money(outing.atoutsCents), count: outing.debitCount })}
      </p>
      <p className="leader-pays" data-leader-pays={outing.leaderPaysCents}>
        <strong>{t('outing.leaderPays', { amount: money(outing.leaderPaysCents) })}</strong>
      </p>
      <OutingPasses outing={outing} />
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('outing.print')}
        </button>
        <button ref={again} type="button" className="primary" onClick={onAgain}>
          {t('outing.again')}
        </button>
      </div>
    </section>
  );
}
