// Sortie collective (§2.3): the cashier names the outing, its item and the price per person once, then scans
// pass after pass. Each card proposes as much Atouts as the balance allows, up to the price; Enter takes it,
// 0 means the youth does not use Atouts (it is never required). A refused pass joins the "à régler
// autrement" list and the run goes on. The summary says who paid what with Atouts and what the leader pays.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutingView } from '../../../preload/contract';
import { useTill } from '../till-context';
import { useCall } from '../use-call';
import { ErrorBanner } from '../components/ErrorBanner';
import { OutingSetup } from './outing/OutingSetup';
import { OutingRun } from './outing/OutingRun';
import { OutingSummary } from './outing/OutingSummary';

export function OutingScreen() {
  const { t } = useTranslation();
  const till = useTill();
  const call = useCall();
  const { setError } = call;
  // undefined until the till says whether an outing runs; null when none does.
  const [outing, setOuting] = useState<OutingView | null | undefined>(undefined);

  // Not through useCall: its null means a refusal, and here null is an answer (no outing running).
  useEffect(() => {
    void till.invoke('outing.current', {}).then((r) => (r.ok ? setOuting(r.value) : setError(r.error)));
  }, [till, setError]);

  return (
    <main className="screen wide outing">
      <h1>{t('outing.title')}</h1>
      <p className="hint">{t('outing.help')}</p>
      <ErrorBanner error={call.error} />
      {outing === null && <OutingSetup call={call} onOpen={setOuting} />}
      {outing && !outing.closedAt && <OutingRun outing={outing} onChange={setOuting} call={call} />}
      {outing?.closedAt && <OutingSummary outing={outing} onAgain={() => setOuting(null)} />}
    </main>
  );
}
