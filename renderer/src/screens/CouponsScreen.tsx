// Prepayment coupons (SPORT and ARTISTIC partners): the list reserved to this partner, then scan or type a
// coupon's short code, pick the item, type the price: the coupon pays its amount, the youth the rest.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORY_RULES } from '../../../protocol/catalogue';
import type { CouponView, DebitOutcome, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { useScanTarget, useShell, type ScanInput } from '../shell/shell-context';
import { formatCents } from '../format/money';
import { formatDate } from '../format/dates';
import { ErrorBanner } from '../components/ErrorBanner';
import { ReceiptView } from '../components/ReceiptView';
import { useAltShortcut } from '../shell/use-shortcut';
import { ItemFields, useItemFields } from '../components/ItemFields';

interface Props {
  initialScan: ScanInput | null;
  onInitialScanTaken: () => void;
}

type Redeemed = DebitOutcome & { couponId: string };

export function CouponsScreen({ initialScan, onInitialScanTaken }: Props) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const shell = useShell();
  const [coupons, setCoupons] = useState<CouponView[] | null>(null);
  const [code, setCode] = useState('');
  const [coupon, setCoupon] = useState<CouponView | null>(null);
  const [done, setDone] = useState<Redeemed | null>(null);
  // Whose coupon was just redeemed: the form's coupon is gone by the time the result shows.
  const [doneName, setDoneName] = useState('');
  const [receipt, setReceipt] = useState(false);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const money = (c: number) => formatCents(c, i18n.language);

  const load = useCallback(() => {
    void till.invoke('coupon.list', {}).then((r) => {
      if (r.ok) setCoupons(r.value);
      else setError(r.error);
    });
  }, [till]);
  useEffect(load, [load]);

  const resolve = useCallback(
    async (text: string) => {
      setError(null);
      setDone(null);
      const r = await till.invoke('coupon.resolve', { text: text.trim() });
      if (r.ok) {
        setCoupon(r.value);
        setCode('');
      } else {
        shell.beep('refused');
        setError(r.error);
        setCoupon(null);
      }
    },
    [till, shell],
  );
  useScanTarget((scan) => void resolve(scan.text));
  useEffect(() => {
    if (initialScan) {
      onInitialScanTaken();
      void resolve(initialScan.text);
    }
  }, [initialScan, onInitialScanTaken, resolve]);
  useEffect(() => {
    if (!coupon && !done) codeInput.current?.focus();
  }, [coupon, done]);

  useAltShortcut(
    't',
    () => setReceipt(true),
    done !== null && (done.status === 'accepted' || done.status === 'offline_accepted'),
  );

  const reset = () => {
    setCoupon(null);
    setDone(null);
    setReceipt(false);
    setError(null);
  };

  if (done && receipt) {
    return (
      <main className="screen">
        <ReceiptView debitId={done.debitId} onBack={() => setReceipt(false)} />
      </main>
    );
  }

  return (
    <main className="screen coupons">
      <h1>{t('coupons.title')}</h1>
      {!coupon && !done && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) void resolve(code);
          }}
        >
          <p className="hint">{t('coupons.intro')}</p>
          <label>
            {t('coupons.code')}
            <input
              ref={codeInput}
              name="coupon-code"
              autoComplete="off"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          <ErrorBanner error={error} />
          <button type="submit" className="primary">
            {t('coupons.resolve')}
          </button>
        </form>
      )}
      {coupon && !done && (
        <RedeemForm
          coupon={coupon}
          onCancel={reset}
          onDone={(outcome) => {
            shell.beep(outcome.status === 'refused' ? 'refused' : 'accepted');
            setDone(outcome);
            setDoneName(`${coupon.beneficiary.givenName} ${coupon.beneficiary.familyName}`);
            setCoupon(null);
            shell.refreshStatus();
            load();
          }}
        />
      )}
      {done && (
        <section
          className={`outcome outcome-${done.status}`}
          role="status"
          data-status={done.status}
          data-debit-id={done.debitId}
          aria-labelledby="coupon-done"
        >
          <h2 id="coupon-done">
            {done.status === 'accepted' || done.status === 'offline_accepted'
              ? t('names.couponRedeemed', { name: doneName })
              : t(`outcome.${done.status}`)}
          </h2>
          {done.status === 'refused' && done.code && <ErrorBanner error={done.code} />}
          {done.status === 'offline_accepted' && <p className="offline-note">{t('outcome.offlineHelp')}</p>}
          {done.status === 'pending' && <p>{t('outcome.pendingHelp')}</p>}
          <p className="split">
            {t('coupons.split', { amount: money(done.amountCents), rest: money(done.remainderCents) })}
          </p>
          <p className="youth-pays">{t('coupons.youthPays', { rest: money(done.remainderCents) })}</p>
          <div className="actions">
            <button type="button" className="primary" autoFocus onClick={reset}>
              {t('coupons.next')}
            </button>
            {(done.status === 'accepted' || done.status === 'offline_accepted') && (
              <button type="button" aria-keyshortcuts="Alt+T" onClick={() => setReceipt(true)}>
                {t('outcome.receipt')}
              </button>
            )}
          </div>
        </section>
      )}

      <h2>{t('coupons.list')}</h2>
      {coupons && coupons.length === 0 && <p>{t('coupons.empty')}</p>}
      {coupons && coupons.length > 0 && (
        <table className="table coupons-table">
          <thead>
            <tr>
              <th scope="col">{t('coupons.colCode')}</th>
              <th scope="col">{t('coupons.colHolder')}</th>
              <th scope="col">{t('coupons.colCategory')}</th>
              <th scope="col">{t('coupons.colAmount')}</th>
              <th scope="col">{t('coupons.colStatus')}</th>
              <th scope="col">{t('coupons.colExpires')}</th>
            </tr>
          </thead>
          <tbody>
            {coupons.map((c) => (
              <tr key={c.id} data-coupon={c.code} data-status={c.status}>
                <td className="mono">{c.code}</td>
                <td>
                  {c.beneficiary.givenName} {c.beneficiary.familyName}
                </td>
                <td>{t(`category.${c.category}`)}</td>
                <td>{money(c.amountCents)}</td>
                <td>{t(`coupons.state.${c.status}`)}</td>
                <td>{formatDate(c.expiresAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function RedeemForm({
  coupon,
  onCancel,
  onDone,
}: {
  coupon: CouponView;
  onCancel: () => void;
  onDone: (r: Redeemed) => void;
}) {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const items = CATEGORY_RULES[coupon.category].items;
  const { chosen, priceCents, props: itemFields } = useItemFields(items);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  const money = (c: number) => formatCents(c, i18n.language);
  const name = `${coupon.beneficiary.givenName} ${coupon.beneficiary.familyName}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen || priceCents === null || busy) return setError({ code: 'INPUT_INVALID' });
    setBusy(true);
    const r = await till.invoke('coupon.redeem', {
      couponId: coupon.id,
      ...chosen,
      priceCents,
    });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  }

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      aria-labelledby="coupon-found"
    >
      <h2 id="coupon-found" className="holder" data-coupon={coupon.code}>
        {t('coupons.found', { name, amount: money(coupon.amountCents) })}
      </h2>
      <p className="check-id" role="note">
        {t('card.checkId')}
      </p>
      <p>
        {t(`category.${coupon.category}`)} — <span className="mono">{coupon.code}</span>
      </p>
      <ItemFields {...itemFields} />
      {priceCents !== null && (
        <p className="split" aria-live="polite">
          {t('coupons.split', {
            amount: money(Math.min(coupon.amountCents, priceCents)),
            rest: money(Math.max(0, priceCents - coupon.amountCents)),
          })}
        </p>
      )}
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('coupons.redeem')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('coupons.cancel')}
        </button>
      </div>
    </form>
  );
}
