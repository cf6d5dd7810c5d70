// À propos / État: the versions, the Region (reachable or not, its last answer on record), what awaits it
// with "Envoyer maintenant" and a bar while a long queue drains, the offline keys' age and the offline
// policy in force. The pending count comes live from the core's status events.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AboutView, UpdateStateView } from '../../../preload/contract';
import { useCall } from '../use-call';
import { useShell } from '../shell/shell-context';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatCents } from '../format/money';
import { formatDateTime } from '../format/dates';
import { tillShell } from '../manage/shell-bridge';

export function AboutScreen() {
  const { t, i18n } = useTranslation();
  const shell = useShell();
  const { error, load: loadCall, run } = useCall();
  const lang = i18n.language;
  const [about, setAbout] = useState<AboutView | null>(null);
  // The queue's size when "Envoyer maintenant" was pressed: the bar measures the drain against it.
  const [drainFrom, setDrainFrom] = useState<number | null>(null);
  // The updater lives in Electron's main process: asked through the shell's broker; a browser has none.
  const [update, setUpdate] = useState<UpdateStateView | null | 'browser'>(tillShell() ? null : 'browser');
  useEffect(() => void tillShell()?.updateState().then(setUpdate), []);
  const pending = shell.status.pendingCount;
  const load = useCallback(
    () => void loadCall('about.get', {}).then((value) => value && setAbout(value)),
    [loadCall],
  );
  useEffect(load, [load]);
  // A status event (the count changed) refreshes the rest too: the last answer, the keys.
  const seen = useRef(pending);
  useEffect(() => {
    if (seen.current !== pending) load();
    seen.current = pending;
    if (pending === 0) setDrainFrom(null);
  }, [pending, load]);

  function updateText(u: UpdateStateView | null | 'browser'): string {
    if (u === 'browser') return t('manage.about.updateBrowser');
    if (u === null) return '—';
    if (u.status === 'downloading' || u.status === 'ready')
      return t(`manage.about.updateState.${u.status}`, { version: u.version });
    if (u.status === 'disabled') return t('manage.about.updateState.disabled', { reason: u.reason });
    return t(`manage.about.updateState.${u.status}`);
  }

  async function sendNow() {
    const sent = await run('about.sendNow', {});
    if (sent && sent.pendingCount > 0) setDrainFrom(sent.pendingCount);
  }

  return (
    <main className="screen wide about">
      <h1>{t('manage.about.title')}</h1>
      <ErrorBanner error={error} />
      {about && (
        <>
          <section aria-labelledby="about-versions">
            <h2 id="about-versions">{t('manage.about.versions')}</h2>
            <dl className="facts">
              <dt>{t('manage.about.app')}</dt>
              <dd data-version="app">{about.versions.app ?? '—'}</dd>
              <dt>Electron</dt>
              <dd>{about.versions.electron ?? t('manage.about.browserMode')}</dd>
              <dt>Chromium</dt>
              <dd>{about.versions.chromium ?? navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '—'}</dd>
              <dt>Node.js</dt>
              <dd>{about.versions.node}</dd>
              <dt>{t('manage.about.update')}</dt>
              <dd
                data-update={update === null ? 'unknown' : update === 'browser' ? 'browser' : update.status}
              >
                {updateText(update)}
              </dd>
              <dt>{t('manage.about.schema')}</dt>
              <dd>{about.versions.journalSchema}</dd>
              <dt>{t('manage.about.device')}</dt>
              <dd>{about.deviceName ? `${about.deviceName} (${about.deviceId ?? ''})` : '—'}</dd>
              <dt>{t('manage.about.partner')}</dt>
              <dd>{about.partnerName ?? '—'}</dd>
            </dl>
          </section>
          <section aria-labelledby="about-region">
            <h2 id="about-region">{t('manage.about.region')}</h2>
            <dl className="facts">
              <dt>{t('manage.about.regionUrl')}</dt>
              <dd>{about.regionUrl ?? '—'}</dd>
              <dt>{t('manage.about.reachable')}</dt>
              <dd data-online={shell.status.online}>
                {shell.status.online ? t('manage.about.online') : t('manage.about.offline')}
              </dd>
              <dt>{t('manage.about.lastAnswer')}</dt>
              <dd>{about.lastRegionAnswerAt ? formatDateTime(about.lastRegionAnswerAt, lang) : '—'}</dd>
              <dt>{t('manage.about.keys')}</dt>
              <dd data-keys-age={about.keysAgeHours ?? ''}>
                {about.keysFetchedAt
                  ? t('manage.about.keysAge', {
                      at: formatDateTime(about.keysFetchedAt, lang),
                      hours: about.keysAgeHours,
                    })
                  : t('manage.about.noKeys')}
              </dd>
              <dt>{t('manage.about.policy')}</dt>
              <dd>
                {!about.offlinePolicy
                  ? '—'
                  : about.offlinePolicy.enabled
                    ? t('manage.about.policyOn', {
                        floor: formatCents(about.offlinePolicy.floorLimitCents, lang),
                        hours: about.offlinePolicy.maxOfflineHours,
                      })
                    : t('manage.about.policyOff')}
              </dd>
            </dl>
          </section>
          <section aria-labelledby="about-pending">
            <h2 id="about-pending">{t('manage.about.pendingTitle')}</h2>
            <p data-pending={pending}>{t('manage.about.pending', { count: pending })}</p>
            {drainFrom !== null && pending > 0 && (
              <label>
                {t('manage.about.draining')}
                <progress
                  aria-label={t('manage.progress')}
                  max={drainFrom}
                  value={Math.max(0, drainFrom - pending)}
                />
              </label>
            )}
            <button type="button" onClick={() => void sendNow()} disabled={pending === 0}>
              {t('manage.about.sendNow')}
            </button>
          </section>
        </>
      )}
    </main>
  );
}
