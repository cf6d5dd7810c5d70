// Scan → who → how much → done. The counter's main screen.
import { useCallback, useEffect, useState } from 'react';
import type { DebitOutcome, PassCard, TillErrorValue } from '../../../preload/contract';
import { useTill } from '../till-context';
import { useScanTarget, useShell, type ScanInput } from '../shell/shell-context';
import { ScanPanel } from '../components/ScanPanel';
import { PassCardView } from '../components/PassCardView';
import { DebitForm } from '../components/DebitForm';
import { OutcomeView } from '../components/OutcomeView';
import { ReceiptView } from '../components/ReceiptView';

type Stage =
  | { kind: 'scan'; error: TillErrorValue | null }
  | { kind: 'card'; card: PassCard }
  | { kind: 'outcome'; outcome: DebitOutcome }
  | { kind: 'receipt'; outcome: DebitOutcome };

const UNREADABLE = new Set(['TOKEN_INVALID', 'INPUT_INVALID', 'SCAN_UNKNOWN']);

interface Props {
  initialScan: ScanInput | null;
  onInitialScanTaken: () => void;
  /** A coupon QR code scanned at the counter belongs to the coupons screen. */
  onCouponScanned: (scan: ScanInput) => void;
}

export function CounterScreen({ initialScan, onInitialScanTaken, onCouponScanned }: Props) {
  const till = useTill();
  const shell = useShell();
  const [stage, setStage] = useState<Stage>({ kind: 'scan', error: null });

  const scan = useCallback(
    async ({ text, source }: ScanInput) => {
      const result = await till.invoke('pass.scan', { text, source });
      if (!result.ok) {
        shell.beep(UNREADABLE.has(result.error.code) ? 'unreadable' : 'refused');
        return setStage({ kind: 'scan', error: result.error });
      }
      const outcome = result.value;
      if (outcome.kind === 'pass') setStage({ kind: 'card', card: outcome.card });
      else if (outcome.kind === 'coupon') onCouponScanned({ text, source });
      else {
        shell.beep(UNREADABLE.has(outcome.code) ? 'unreadable' : 'refused');
        setStage({ kind: 'scan', error: { code: outcome.code, ...(outcome.reason ? { detail: outcome.reason } : {}) } });
      }
    },
    [till, shell, onCouponScanned],
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
        setStage((s) => (s.kind === 'outcome' && s.outcome.debitId === update.debitId ? { ...s, outcome: update } : s)),
      ),
    [till],
  );

  const reset = () => setStage({ kind: 'scan', error: null });
  const done = (outcome: DebitOutcome) => {
    shell.beep(outcome.status === 'accepted' || outcome.status === 'offline_accepted' ? 'accepted' : outcome.status === 'refused' ? 'refused' : 'unreadable');
    shell.refreshStatus();
    setStage({ kind: 'outcome', outcome });
  };

  return (
    <main className="screen counter">
      {stage.kind === 'scan' && <ScanPanel error={stage.error} onScan={(text, source) => void scan({ text, source })} />}
      {stage.kind === 'card' && (
        <>
          <PassCardView card={stage.card} />
          <DebitForm card={stage.card} accreditations={shell.status.partner?.accreditations ?? []} onCancel={reset} onDone={done} />
        </>
      )}
      {stage.kind === 'outcome' && (
        <OutcomeView
          outcome={stage.outcome}
          onNext={reset}
          onUpdate={(outcome) => setStage({ kind: 'outcome', outcome })}
          onReceipt={() => setStage({ kind: 'receipt', outcome: stage.outcome })}
        />
      )}
      {stage.kind === 'receipt' && <ReceiptView debitId={stage.outcome.debitId} onBack={() => setStage({ kind: 'outcome', outcome: stage.outcome })} />}
    </main>
  );
}
