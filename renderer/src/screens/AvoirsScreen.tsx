// Avoirs (§2.4): the manager picks a cancelled event's payments from the journal and issues one credit note
// per youth, printed with its code; any cashier redeems one later, in whole or in part. An avoir is the
// partner's own credit: it is never Atouts money and never appears in an Atouts total.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AvoirView } from '../../../preload/contract';
import { useShell } from '../shell/shell-context';
import { useCall } from '../use-call';
import { ErrorBanner } from '../components/ErrorBanner';
import { AvoirRedeem } from './avoirs/AvoirRedeem';
import { AvoirIssue } from './avoirs/AvoirIssue';
import { AvoirSlips } from './avoirs/AvoirSlips';
import { AvoirList } from './avoirs/AvoirList';

export function AvoirsScreen() {
  const { t } = useTranslation();
  const shell = useShell();
  // One banner for the whole screen: each part calls through it.
  const call = useCall();
  const [issued, setIssued] = useState<AvoirView[] | null>(null);
  const [refresh, setRefresh] = useState(0);
  return (
    <main className="screen wide avoirs">
      <h1>{t('avoir.title')}</h1>
      <p className="hint no-print">{t('avoir.help')}</p>
      <ErrorBanner error={call.error} />
      <AvoirRedeem call={call} onDone={() => setRefresh((n) => n + 1)} />
      {shell.isManager && (
        <>
          <AvoirIssue
            call={call}
            onIssued={(list) => {
              setIssued(list);
              setRefresh((n) => n + 1);
            }}
          />
          {issued && <AvoirSlips avoirs={issued} />}
          <AvoirList key={refresh} call={call} />
        </>
      )}
    </main>
  );
}
