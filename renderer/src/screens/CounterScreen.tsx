// Scan → who → how much → done. The counter's main screen: the holder's card on one side, the sale on the
// other, the split line and Valider always in view. Every scan starts a fresh sale, keyed by its pass, and a
// scan while a result is shown starts the next sale at once (queue mode).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebitOutcome, PassCard, Tariff, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { useScanTarget, useShell, type ScanInput } from '../shell/shell-context';
import { ScanPanel } from '../components/ScanPanel';
import { PassCardView } from '../components/PassCardView';
import { DebitForm } from '../components/DebitForm';
import { OutcomeView } from '../components/OutcomeView';
import { ReceiptView } from '../components/ReceiptView';
import { autoPrintAfterSale } from '../manage/print-receipt';
import { saleBeep, scanRefusedBeep } from './counter/counter-beeps';
import { useLatestScan } from '../components/use-latest-scan';
import { isPaid } from '../../../preload/contract/debit';
import { useQuietLoad } from '../use-quiet-load';

type Stage =
  | { kind: 'scan'; error: TillErrorValue | null }
  | { kind: 'card'; card: PassCard }
  | { kind: 'outcome'; outcome: DebitOutcome }
  | { kind: 'receipt'; outcome: DebitOutcome; autoPrint?: boolean; printError?: TillErrorValue };

interface Props {
  initialScan: ScanInput | null;
  onInitialScanTaken: () => void;
  /** A coupon QR code scanned at the counter belongs to the coupons screen. */
  onCouponScanned: (scan: ScanInput) => void;
}

export function CounterScreen({ initialScan, onInitialScanTaken, onCouponScanned }: Props) {
  const { t } = useTranslation();
  const till = useTill();
  const shell = useShell();
  const [stage, setStage] = useState<Stage>({ kind: 'scan', error: null });
  const [tariffs, setTariffs] = useState<readonly Tariff[]>([]);
  // Only the latest scan may set the stage: a slow answer for an earlier pass must not replace a newer one.
  const { scanning: checking, scan: readPass } = useLatestScan();

  useQuietLoad('tariff.list', {}, setTariffs);

  const scan = useCallback(
    async ({ text, source }: ScanInput) => {
      const result = await readPass({ text, source });
      if (!result) return;
      if (!result.ok) {
        shell.beep(scanRefusedBeep(result.error.code));
        return setStage({ kind: 'scan', error: result.error });
      }
      const outcome = result.value;
      if (outcome.kind === 'pass') setStage({ kind: 'card', card: outcome.card });
      else if (outcome.kind === 'coupon') onCouponScanned({ text, source });
      else {
        shell.beep(scanRefusedBeep(outcome.code));
        setStage({
          kind: 'scan',
          error: { code: outcome.code, ...(outcome.reason ? { detail: outcome.reason } : {}) },
        });
      }
    },
    [readPass, shell, onCouponScanned],
  );
  useScanTarget((s) => void scan(s));

  useEffect(() => {
    if (initialScan) {
      onInitialScanTaken();
      void scan(initialScan);
    }
  }, [initialScan, onInitialScanTaken, scan]);

  // A pending debit's final outcome arrives later, from the outbox.
  useEffect(
    () =>
      till.on('debit', (update) =>
        setStage((s) =>
          s.kind === 'outcome' && s.outcome.debitId === update.debitId ? { ...s, outcome: update } : s,
        ),
      ),
    [till],
  );

  const reset = () => setStage({ kind: 'scan', error: null });
  const done = (outcome: DebitOutcome) => {
    shell.beep(saleBeep(outcome.status));
    shell.refreshStatus();
    setStage({ kind: 'outcome', outcome });
    // Réglages → Imprimante: the receipt prints by itself after a paid sale (the network printer at once, a
    // system printer from the receipt view). A printer that fails opens the receipt with the reason and its
    // print button; the sale is done either way.
    // Either way only while this sale's outcome is still shown: a pass scanned meanwhile keeps its card.
    if (isPaid(outcome.status)) {
      const toReceipt = (receipt: { autoPrint: true } | { printError: TillErrorValue }) =>
        setStage((s) =>
          s.kind === 'outcome' && s.outcome.debitId === outcome.debitId
            ? { kind: 'receipt', outcome, ...receipt }
            : s,
        );
      void autoPrintAfterSale(till, outcome.debitId, () => toReceipt({ autoPrint: true })).then((r) => {
        if (r && !r.ok) toReceipt({ printError: r.error });
      });
    }
  };

  return (
    <main className={`screen counter counter-${stage.kind}`} aria-busy={checking}>
      {checking && (
        <p className="checking" role="status" data-checking>
          <span className="spinner" aria-hidden="true" /> {t('scan.checking')}
        </p>
      )}
      {stage.kind === 'scan' && (
        <ScanPanel error={stage.error} onScan={(text, source) => void scan({ text, source })} />
      )}
      {stage.kind === 'card' && (
        <div className="sale" key={stage.card.scanId}>
          <PassCardView card={stage.card} />
          <DebitForm
            card={stage.card}
            accreditations={shell.status.partner?.accreditations ?? []}
            tariffs={tariffs}
            onCancel={reset}
            onDone={done}
          />
        </div>
      )}
      {stage.kind === 'outcome' && (
        <OutcomeView
          outcome={stage.outcome}
          onNext={reset}
          onUpdate={(outcome) => setStage({ kind: 'outcome', outcome })}
          onReceipt={() => setStage({ kind: 'receipt', outcome: stage.outcome })}
        />
      )}
      {stage.kind === 'receipt' && (
        <ReceiptView
          debitId={stage.outcome.debitId}
          autoPrint={stage.autoPrint === true}
          initialError={stage.printError ?? null}
          onBack={() => setStage({ kind: 'outcome', outcome: stage.outcome })}
        />
      )}
    </main>
  );
}
