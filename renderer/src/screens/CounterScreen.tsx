import { useCallback, useEffect, useState } from 'react';
import type { DebitOutcome, PassCard, ScanSource, TillErrorValue, TillStatus } from '../../../preload/contract';
import { useTill } from '../till-context';
import { ScanPanel } from '../components/ScanPanel';
import { PassCardView } from '../components/PassCardView';
import { DebitForm } from '../components/DebitForm';
import { OutcomeView } from '../components/OutcomeView';

type Stage = { kind: 'scan'; error: TillErrorValue | null } | { kind: 'card'; card: PassCard } | { kind: 'outcome'; outcome: DebitOutcome; card: PassCard };

export function CounterScreen({ status }: { status: TillStatus }) {
  const till = useTill();
  const [stage, setStage] = useState<Stage>({ kind: 'scan', error: null });

  const scan = useCallback(
    async (text: string, source: ScanSource) => {
      const result = await till.invoke('pass.scan', { text, source });
      if (!result.ok) return setStage({ kind: 'scan', error: result.error });
      const outcome = result.value;
      if (outcome.kind === 'pass') setStage({ kind: 'card', card: outcome.card });
      else if (outcome.kind === 'refused') setStage({ kind: 'scan', error: { code: outcome.code, ...(outcome.reason ? { detail: outcome.reason } : {}) } });
    },
    [till],
  );

  // A USB scanner read by the core arrives as an event, whatever the screen shows.
  useEffect(() => till.on('scan', (event) => void scan(event.text, event.source)), [till, scan]);
  // A pending debit's final outcome arrives later, from the outbox.
  useEffect(
    () =>
      till.on('debit', (update) =>
        setStage((s) => (s.kind === 'outcome' && s.outcome.debitId === update.debitId ? { ...s, outcome: update } : s)),
      ),
    [till],
  );

  const reset = () => setStage({ kind: 'scan', error: null });

  return (
    <main className="screen counter">
      {stage.kind === 'scan' && <ScanPanel error={stage.error} onScan={(text, source) => void scan(text, source)} />}
      {stage.kind === 'card' && (
        <>
          <PassCardView card={stage.card} />
          <DebitForm
            card={stage.card}
            accreditations={status.partner?.accreditations ?? []}
            onCancel={reset}
            onDone={(outcome) => setStage({ kind: 'outcome', outcome, card: stage.card })}
          />
        </>
      )}
      {stage.kind === 'outcome' && <OutcomeView outcome={stage.outcome} onNext={reset} />}
    </main>
  );
}
