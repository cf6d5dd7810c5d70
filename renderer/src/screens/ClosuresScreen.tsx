// The day's Z-closure, the closures so far, the Region's monthly statements (status, paid date, contest
// deadline) and the reconciliation of a month with the Region's record.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosureView, ReconciliationView, StatementView } from '../../../preload/contract';
import { useShell } from '../shell/shell-context';
import { useAltShortcut } from '../shell/use-shortcut';
import { useCall } from '../use-call';
import { parisToday } from '../format/dates';
import { ErrorBanner } from '../components/ErrorBanner';
import { ContestReminders } from '../components/ContestReminders';
import { CloseDay } from './closures/CloseDay';
import { ClosuresTable } from './closures/ClosuresTable';
import { StatementsTable } from './closures/StatementsTable';
import { ReconcileForm } from './closures/ReconcileForm';
import { Differences } from './closures/Differences';

export function ClosuresScreen() {
  const { t } = useTranslation();
  const shell = useShell();
  // Closing the day and reconciling share one busy flag: neither starts while the other runs.
  const { busy, error, run, load } = useCall();
  const [closures, setClosures] = useState<ClosureView[] | null>(null);
  const [statements, setStatements] = useState<StatementView[] | null>(null);
  const [justClosed, setJustClosed] = useState<ClosureView | null>(null);
  const [month, setMonth] = useState(parisToday().slice(0, 7));
  const [reconciliation, setReconciliation] = useState<ReconciliationView | null>(null);

  const loadLists = useCallback(() => {
    void load('closure.list', {}).then((list) => list && setClosures(list));
    void load('statement.list', {}).then((list) => list && setStatements(list));
  }, [load]);
  useEffect(loadLists, [loadLists]);

  async function closeDay() {
    const closed = await run('closure.closeDay', {});
    if (!closed) return;
    setJustClosed(closed);
    shell.refreshStatus();
    loadLists();
  }

  async function reconcile() {
    const result = await run('reconcile.run', { month });
    if (!result) return;
    setReconciliation(result);
    loadLists();
  }

  useAltShortcut('z', () => void closeDay(), !busy);
  useAltShortcut('r', () => void reconcile(), !busy);

  return (
    <main className="screen wide closures">
      <h1>{t('closures.title')}</h1>
      <CloseDay busy={busy} justClosed={justClosed} onCloseDay={() => void closeDay()} />
      <ErrorBanner error={error} />
      <ClosuresTable closures={closures} />
      <StatementsTable statements={statements} />
      {statements && <ContestReminders statements={statements} onProduced={loadLists} />}
      <ReconcileForm month={month} onMonth={setMonth} busy={busy} onReconcile={() => void reconcile()} />
      {reconciliation && <Differences reconciliation={reconciliation} />}
    </main>
  );
}
