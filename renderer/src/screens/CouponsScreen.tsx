// Prepayment coupons (SPORT and ARTISTIC partners): the list reserved to this partner, then scan or type a
// coupon's short code, pick the item, type the price: the coupon pays its amount, the youth the rest.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouponView } from '../../../preload/contract';
import { useScanTarget, useShell, type ScanInput } from '../shell/shell-context';
import { useAltShortcut } from '../shell/use-shortcut';
import { useCall } from '../use-call';
import { ReceiptView } from '../components/ReceiptView';
import { CouponCodeForm } from './coupons/CouponCodeForm';
import { RedeemForm } from './coupons/RedeemForm';
import { CouponDone } from './coupons/CouponDone';
import { CouponList } from './coupons/CouponList';
import { couponPaid, type Redeemed } from './coupons/redeemed';

interface Props {
  initialScan: ScanInput | null;
  onInitialScanTaken: () => void;
}

export function CouponsScreen({ initialScan, onInitialScanTaken }: Props) {
  const { t } = useTranslation();
  const shell = useShell();
  const { error, setError, attempt, load } = useCall();
  const [coupons, setCoupons] = useState<CouponView[] | null>(null);
  const [coupon, setCoupon] = useState<CouponView | null>(null);
  const [done, setDone] = useState<Redeemed | null>(null);
  // Whose coupon was just redeemed: the form's coupon is gone by the time the result shows.
  const [doneName, setDoneName] = useState('');
  const [receipt, setReceipt] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  const loadList = useCallback(() => {
    void load('coupon.list', {}).then((list) => list && setCoupons(list));
  }, [load]);
  useEffect(loadList, [loadList]);

  const resolve = useCallback(
    async (text: string) => {
      setDone(null);
      const found = await attempt('coupon.resolve', { text: text.trim() });
      // Gone by the answer (the cashier left the screen): no beep for a refusal nobody sees.
      if (!found) return;
      if (!found.ok) shell.beep('refused');
      setCoupon(found.ok ? found.value : null);
    },
    [attempt, shell],
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

  useAltShortcut('t', () => setReceipt(true), done !== null && couponPaid(done));

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
        <CouponCodeForm error={error} inputRef={codeInput} onResolve={(code) => void resolve(code)} />
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
            loadList();
          }}
        />
      )}
      {done && <CouponDone done={done} name={doneName} onNext={reset} onReceipt={() => setReceipt(true)} />}
      <CouponList coupons={coupons} />
    </main>
  );
}
