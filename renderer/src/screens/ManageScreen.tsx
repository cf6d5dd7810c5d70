// Gestion (F7, managers only): everything a partner used to need a developer's machine for (issue 16) —
// the debits CSV and the closure PDFs, signed archives, the journal's verification, backups, the
// diagnostic bundle, the purge of personal data and the end-of-partnership wipe. Each button is one call
// of the contract; files come back as bytes and are saved through the host (manage/deliver-file.ts).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BackupStatusView,
  ClosureView,
  ExportPeriod,
  ManageTask,
  PrivacyView,
  StaffView,
  TillErrorValue,
} from '../../../preload/contract';
import { useTill } from '../till-context';
import { ErrorBanner } from '../components/ErrorBanner';
import { ManagerPinFields } from '../components/ManagerPinFields';
import { formatDateTime, formatPeriod, parisToday } from '../format/dates';
import { deliverFile, formatBytes } from '../manage/deliver-file';
import { TaskProgress } from '../manage/TaskProgress';
import { verifyVerdict } from '../manage/verify-verdict';

type Notice = { tone: 'ok' | 'refused'; text: string; task: ManageTask } | null;

export function ManageScreen() {
  const { t, i18n } = useTranslation();
  const till = useTill();
  const lang = i18n.language;
  const [task, setTask] = useState<ManageTask | null>(null);
  const [error, setError] = useState<TillErrorValue | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [closures, setClosures] = useState<ClosureView[]>([]);
  const [backup, setBackup] = useState<BackupStatusView | null>(null);
  const [privacy, setPrivacy] = useState<PrivacyView | null>(null);
  const [managers, setManagers] = useState<StaffView[]>([]);

  const today = parisToday();
  const [periodKind, setPeriodKind] = useState<ExportPeriod['kind']>('month');
  const [day, setDay] = useState(today);
  const [month, setMonth] = useState(today.slice(0, 7));
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [closureSeq, setClosureSeq] = useState<number | null>(null);
  const [archivePeriod, setArchivePeriod] = useState(today.slice(0, 7));
  const [archiveText, setArchiveText] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [keep, setKeep] = useState(14);
  const [daily, setDaily] = useState(true);
  const [purgeBefore, setPurgeBefore] = useState('');
  const [retention, setRetention] = useState('');
  const [feedUrl, setFeedUrl] = useState('');
  const [wipeStep, setWipeStep] = useState<0 | 1 | 2>(0);
  const [wipeWord, setWipeWord] = useState('');
  const [wipeManager, setWipeManager] = useState('');
  const [wipePin, setWipePin] = useState('');

  const load = useCallback(() => {
    void till.invoke('closure.list', {}).then((r) => {
      if (!r.ok) return;
      setClosures(r.value);
      setClosureSeq((seq) => seq ?? r.value[0]?.seq ?? null);
    });
    void till.invoke('manage.backupStatus', {}).then((r) => {
      if (!r.ok) return;
      setBackup(r.value);
      setFolder(r.value.folder ?? '');
      setKeep(r.value.keep);
      setDaily(r.value.daily);
    });
    void till.invoke('manage.privacy', {}).then((r) => {
      if (!r.ok) return;
      setPrivacy(r.value);
      setRetention(r.value.retentionMonths === null ? '' : String(r.value.retentionMonths));
    });
    void till.invoke('update.feed', {}).then((r) => r.ok && setFeedUrl(r.value.feedUrl ?? ''));
    void till.invoke('staff.list', {}).then((r) => {
      if (!r.ok) return;
      const list = r.value.filter((s) => s.role === 'manager');
      setManagers(list);
      setWipeManager((id) => id || list[0]?.id || '');
    });
  }, [till]);
  useEffect(load, [load]);

  /** One task at a time: the button's call, its refusal or its notice, and the progress bar meanwhile. */
  async function run<T>(
    name: ManageTask,
    call: () => Promise<{ ok: true; value: T } | { ok: false; error: TillErrorValue }>,
    done: (value: T) => string | null,
  ) {
    setTask(name);
    setError(null);
    setNotice(null);
    try {
      const r = await call();
      if (!r.ok) setError(r.error);
      else {
        const text = done(r.value);
        if (text) setNotice({ tone: 'ok', text, task: name });
      }
    } finally {
      setTask(null);
    }
  }

  const period = (): ExportPeriod =>
    periodKind === 'day'
      ? { kind: 'day', day }
      : periodKind === 'month'
        ? { kind: 'month', month }
        : { kind: 'range', from, to };
  const busy = task !== null;
  const selected = closures.find((c) => c.seq === closureSeq) ?? null;

  const submit = (fn: () => void) => (e: FormEvent) => {
    e.preventDefault();
    if (!busy) fn();
  };

  return (
    <main className="screen wide manage">
      <h1>{t('manage.title')}</h1>
      <p className="hint">{t('manage.intro')}</p>
      <TaskProgress task={task} />
      <ErrorBanner error={error} />
      {notice && (
        <p className={`banner banner-${notice.tone}`} role="status" data-task={notice.task}>
          {notice.text}
        </p>
      )}

      <section className="form" aria-labelledby="manage-exports">
        <h2 id="manage-exports">{t('manage.exports.title')}</h2>
        <p className="hint">{t('manage.exports.csvHelp')}</p>
        <form
          onSubmit={submit(
            () =>
              void run(
                'export.csv',
                () => till.invoke('manage.exportCsv', { period: period() }),
                (file) => {
                  deliverFile(file);
                  return t('manage.exports.csvDone', { count: file.count, name: file.name });
                },
              ),
          )}
        >
          <label>
            {t('manage.exports.periodKind')}
            <select
              value={periodKind}
              onChange={(e) => setPeriodKind(e.target.value as ExportPeriod['kind'])}
            >
              {(['day', 'month', 'range'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`manage.exports.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {periodKind === 'day' && (
            <label>
              {t('manage.exports.day')}
              <input type="date" value={day} onChange={(e) => setDay(e.target.value)} required />
            </label>
          )}
          {periodKind === 'month' && (
            <label>
              {t('manage.exports.month')}
              <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} required />
            </label>
          )}
          {periodKind === 'range' && (
            <>
              <label>
                {t('manage.exports.from')}
                <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
              </label>
              <label>
                {t('manage.exports.to')}
                <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
              </label>
            </>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('manage.exports.csv')}
          </button>
        </form>

        <h3>{t('manage.exports.pdfTitle')}</h3>
        {closures.length === 0 ? (
          <p className="hint">{t('manage.exports.noClosure')}</p>
        ) : (
          <form
            onSubmit={submit(() => {
              if (!selected) return;
              void run(
                'export.closurePdf',
                () => till.invoke('manage.closurePdf', { period: selected.period }),
                (file) => {
                  deliverFile(file);
                  return t('manage.saved', { name: file.name, size: formatBytes(file.bytes, lang) });
                },
              );
            })}
          >
            <label>
              {t('manage.exports.closure')}
              <select value={closureSeq ?? ''} onChange={(e) => setClosureSeq(Number(e.target.value))}>
                {closures.map((c) => (
                  <option key={c.seq} value={c.seq}>
                    {`${c.kind === 'DAY_CLOSED' ? 'Z' : 'M'} ${formatPeriod(c.period, lang)}`}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={busy}>
              {t('manage.exports.pdf')}
            </button>
          </form>
        )}
      </section>

      <section className="form" aria-labelledby="manage-archive">
        <h2 id="manage-archive">{t('manage.archive.title')}</h2>
        <p className="hint">{t('manage.archive.help')}</p>
        <form
          onSubmit={submit(
            () =>
              void run(
                'archive.create',
                () => till.invoke('manage.archiveCreate', { period: archivePeriod }),
                (a) => {
                  deliverFile(a);
                  return t('manage.archive.created', {
                    period: a.period,
                    first: a.firstSeq,
                    last: a.lastSeq,
                    closures: a.closures,
                    key: a.keyId,
                  });
                },
              ),
          )}
        >
          <label>
            {t('manage.archive.period')}
            <input
              value={archivePeriod}
              onChange={(e) => setArchivePeriod(e.target.value.trim())}
              pattern="\d{4}-\d{2}(-\d{2})?"
              required
            />
          </label>
          <button type="submit" disabled={busy}>
            {t('manage.archive.create')}
          </button>
        </form>
        <form
          onSubmit={submit(() => {
            if (archiveText === null) return;
            void run(
              'archive.verify',
              () => till.invoke('manage.archiveVerify', { text: archiveText }),
              (v) =>
                v.ok
                  ? t('manage.archive.ok', {
                      period: v.period,
                      first: v.firstSeq,
                      last: v.lastSeq,
                      device: v.deviceId,
                      own: v.matchesJournal ? t('manage.archive.own') : '',
                    })
                  : t('manage.archive.bad', {
                      problem: v.problem,
                      where: v.seq === null ? '' : t('manage.archive.at', { seq: v.seq }),
                      detail: v.detail,
                    }),
            );
          })}
        >
          <label>
            {t('manage.archive.verifyFile')}
            <input
              type="file"
              accept=".json,application/json"
              onChange={(e) => void e.target.files?.[0]?.text().then(setArchiveText)}
            />
          </label>
          <button type="submit" disabled={busy || archiveText === null}>
            {t('manage.archive.verify')}
          </button>
        </form>
      </section>

      <section className="form" aria-labelledby="manage-verify">
        <h2 id="manage-verify">{t('manage.verify.title')}</h2>
        <p className="hint">{t('manage.verify.help')}</p>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(
              'journal.verify',
              () => till.invoke('journal.verify', {}),
              (v) => verifyVerdict(t, v),
            )
          }
        >
          {t('manage.verify.run')}
        </button>
      </section>

      <section className="form" aria-labelledby="manage-backup">
        <h2 id="manage-backup">{t('manage.backup.title')}</h2>
        <p className="hint">{t('manage.backup.help')}</p>
        <form
          onSubmit={submit(
            () =>
              void run(
                'backup',
                () => till.invoke('manage.backupConfigure', { folder: folder.trim() || null, keep, daily }),
                (s) => {
                  setBackup(s);
                  return null;
                },
              ),
          )}
        >
          <label>
            {t('manage.backup.folder')}
            <input value={folder} onChange={(e) => setFolder(e.target.value)} spellCheck={false} />
          </label>
          <label>
            {t('manage.backup.keep')}
            <input
              type="number"
              min={1}
              max={365}
              value={keep}
              onChange={(e) => setKeep(Math.max(1, Number(e.target.value) || 1))}
            />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={daily} onChange={(e) => setDaily(e.target.checked)} />
            {t('manage.backup.daily')}
          </label>
          <button type="submit" disabled={busy}>
            {t('manage.backup.save')}
          </button>
        </form>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void run(
              'backup',
              () => till.invoke('manage.backupNow', {}),
              () => {
                load();
                return null;
              },
            )
          }
        >
          {t('manage.backup.now')}
        </button>
        <p className="hint" data-backup-last={backup?.last ? (backup.last.ok ? 'ok' : 'failed') : 'none'}>
          {!backup?.last
            ? t('manage.backup.none')
            : backup.last.ok
              ? t('manage.backup.lastOk', {
                  at: formatDateTime(backup.last.at, lang),
                  size: formatBytes(backup.last.bytes, lang),
                  seq: backup.last.headSeq,
                  file: backup.last.file,
                })
              : t('manage.backup.lastFailed', {
                  at: formatDateTime(backup.last.at, lang),
                  code: backup.last.code,
                })}
        </p>
        {backup && backup.files.length > 0 && (
          <>
            <h3>{t('manage.backup.files')}</h3>
            <ul className="backup-files">
              {backup.files.map((f) => (
                <li key={f.name}>
                  {f.name} — {formatBytes(f.bytes, lang)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="form" aria-labelledby="manage-diagnostic">
        <h2 id="manage-diagnostic">{t('manage.diagnostic.title')}</h2>
        <p className="hint">{t('manage.diagnostic.help')}</p>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(
              'diagnostic',
              () => till.invoke('manage.diagnostic', {}),
              (file) => {
                deliverFile(file);
                return t('manage.saved', { name: file.name, size: formatBytes(file.bytes, lang) });
              },
            )
          }
        >
          {t('manage.diagnostic.run')}
        </button>
      </section>

      <section className="form" aria-labelledby="manage-privacy">
        <h2 id="manage-privacy">{t('manage.privacy.title')}</h2>
        <p className="hint">{t('manage.privacy.help')}</p>
        <form
          onSubmit={submit(
            () =>
              void run(
                'purge',
                () => till.invoke('manage.purge', { before: purgeBefore }),
                (r) => (load(), t('manage.privacy.purged', { count: r.persons })),
              ),
          )}
        >
          <label>
            {t('manage.privacy.before')}
            <input
              type="date"
              value={purgeBefore}
              max={today}
              onChange={(e) => setPurgeBefore(e.target.value)}
              required
            />
          </label>
          <button type="submit" disabled={busy}>
            {t('manage.privacy.purge')}
          </button>
        </form>
        <form
          onSubmit={submit(
            () =>
              void run(
                'purge',
                () =>
                  till.invoke('manage.privacyConfigure', {
                    retentionMonths: retention === '' ? null : Number(retention),
                  }),
                (p) => {
                  setPrivacy(p);
                  return null;
                },
              ),
          )}
        >
          <label>
            {t('manage.privacy.retention')}
            <input
              type="number"
              min={1}
              max={120}
              value={retention}
              placeholder={t('manage.privacy.retentionNone')}
              onChange={(e) => setRetention(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            {t('manage.privacy.saveRetention')}
          </button>
        </form>
        {privacy?.lastPurge && (
          <p className="hint">
            {t('manage.privacy.last', {
              at: formatDateTime(privacy.lastPurge.at, lang),
              count: privacy.lastPurge.persons,
              trigger: t(`manage.privacy.trigger.${privacy.lastPurge.trigger}`),
            })}
          </p>
        )}
      </section>

      <section className="form" aria-labelledby="manage-update">
        <h2 id="manage-update">{t('manage.update.title')}</h2>
        <p className="hint">{t('manage.update.help')}</p>
        <form
          onSubmit={submit(
            () =>
              void run(
                'update',
                () => till.invoke('update.configure', { feedUrl: feedUrl.trim() || null }),
                () => t('manage.update.feedSaved'),
              ),
          )}
        >
          <label>
            {t('manage.update.feed')}
            <input
              type="url"
              value={feedUrl}
              onChange={(e) => setFeedUrl(e.target.value)}
              spellCheck={false}
            />
          </label>
          <button type="submit" disabled={busy}>
            {t('manage.update.saveFeed')}
          </button>
        </form>
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(
              'update',
              () => till.invoke('update.installNow', {}),
              () => t('manage.update.requested'),
            )
          }
        >
          {t('manage.update.installNow')}
        </button>
      </section>

      <section className="form danger-zone" aria-labelledby="manage-wipe">
        <h2 id="manage-wipe">{t('manage.wipe.title')}</h2>
        <p className="hint">{t('manage.wipe.help')}</p>
        {wipeStep === 0 && (
          <button type="button" className="danger" disabled={busy} onClick={() => setWipeStep(1)}>
            {t('manage.wipe.start')}
          </button>
        )}
        {wipeStep === 1 && (
          <div role="alertdialog" aria-labelledby="wipe-confirm-1">
            <p id="wipe-confirm-1">{t('manage.wipe.confirm1')}</p>
            <button type="button" onClick={() => setWipeStep(0)} autoFocus>
              {t('manage.wipe.cancel')}
            </button>
            <button type="button" className="danger" onClick={() => setWipeStep(2)}>
              {t('manage.wipe.continue')}
            </button>
          </div>
        )}
        {wipeStep === 2 && (
          <form
            onSubmit={submit(
              () =>
                void run(
                  'wipe',
                  () =>
                    till.invoke('manage.wipe', {
                      confirm: wipeWord.trim().toUpperCase() as 'EFFACER',
                      managerId: wipeManager,
                      pin: wipePin,
                    }),
                  (w) => {
                    setWipeStep(0);
                    setWipePin('');
                    return t('manage.wipe.done', {
                      persons: w.personsRemoved ?? 0,
                      removed: w.removed,
                      verify: w.verify,
                    });
                  },
                ),
            )}
          >
            <label>
              {t('manage.wipe.confirm2')}
              <input
                value={wipeWord}
                onChange={(e) => setWipeWord(e.target.value)}
                autoComplete="off"
                required
              />
            </label>
            <ManagerPinFields
              managers={managers}
              managerId={wipeManager}
              onManagerId={setWipeManager}
              pin={wipePin}
              onPin={setWipePin}
              managerLabel={t('manage.wipe.manager')}
              pinLabel={t('manage.wipe.pin')}
              names={{ manager: 'wipeManager', pin: 'wipePin' }}
            />
            <button type="button" onClick={() => setWipeStep(0)}>
              {t('manage.wipe.cancel')}
            </button>
            <button
              type="submit"
              className="danger"
              disabled={busy || !['EFFACER', 'ERASE'].includes(wipeWord.trim().toUpperCase())}
            >
              {t('manage.wipe.run')}
            </button>
          </form>
        )}
      </section>
    </main>
  );
}
