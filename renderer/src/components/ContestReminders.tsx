// §4.3.2 on the Clôtures screen: for each paid month with a difference open (or a letter drafted), the days
// left to contest, until the deadline passes; the manager drafts the letter (a French PDF the till journals)
// and downloads it to sign and send by registered post.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestLetterView, StatementView } from '../../../preload/contract';
import { useCall } from '../use-call';
import { useShell } from '../shell/shell-context';
import { formatCents } from '../format/money';
import { formatDate, formatDateTime, formatMonth } from '../format/dates';
import { ErrorBanner } from './ErrorBanner';

export function ContestReminders({
  statements,
  onProduced,
}: {
  statements: readonly StatementView[];
  onProduced: () => void;
}) {
  const due = statements.filter((s) => s.contestReminder);
  if (due.length === 0) return null;
  return (
    <section className="contest" aria-labelledby="contest-title">
      <ContestTitle />
      {due.map((s) => (
        <ContestMonth key={s.month} statement={s} onProduced={onProduced} />
      ))}
    </section>
  );
}

function ContestTitle() {
  const { t } = useTranslation();
  return <h2 id="contest-title">{t('contest.title')}</h2>;
}

function ContestMonth({ statement: s, onProduced }: { statement: StatementView; onProduced: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const shell = useShell();
  const { busy, error, run } = useCall();
  const [letter, setLetter] = useState<ContestLetterView | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  async function produce() {
    const drafted = await run('contest.letter', { month: s.month });
    if (!drafted) return;
    const bytes = Uint8Array.from(atob(drafted.pdfBase64), (c) => c.charCodeAt(0));
    setUrl(URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })));
    setLetter(drafted);
    onProduced();
  }

  return (
    <div className="contest-month" data-contest-month={s.month} data-days-left={s.contestDaysLeft ?? ''}>
      <p className="banner banner-ko" role="note">
        {t('contest.reminder', {
          month: formatMonth(s.month, lang),
          count: s.contestDaysLeft ?? 0,
          date: formatDate(s.contestUntil, lang),
        })}
      </p>
      {s.contestLetterAt && s.contestLetterSeq !== null && (
        <p className="hint">
          {t('contest.letterDone', {
            date: formatDateTime(s.contestLetterAt, lang),
            seq: s.contestLetterSeq,
          })}
        </p>
      )}
      <ErrorBanner error={error} />
      <div className="actions">
        {shell.isManager && (
          <button type="button" disabled={busy} onClick={() => void produce()}>
            {t('contest.produce')}
          </button>
        )}
        {letter && url && (
          <a href={url} download={letter.fileName} data-letter-seq={letter.entrySeq}>
            {t('contest.download')}
          </a>
        )}
      </div>
      {letter && (
        <p role="status">
          {t('contest.produced', {
            month: formatMonth(letter.month, lang),
            lines: letter.lineCount,
            received: formatCents(letter.receivedCents, lang),
            recorded: formatCents(letter.recordedCents, lang),
          })}
        </p>
      )}
    </div>
  );
}
