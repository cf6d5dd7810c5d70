// The manager's reminder on every screen (§4.3.2): a paid month may still be contested, until when, and
// whether the letter was produced; it goes when the 30 days are over. Read from the journal, so it speaks
// offline too (contest.reminders).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContestReminder } from '../../../preload/contract';
import { formatDate, formatMonth } from '../format/dates';
import { useQuietLoad } from '../use-quiet-load';

export function ContestBanner() {
  const { t, i18n } = useTranslation();
  const [reminders, setReminders] = useState<ContestReminder[]>([]);
  useQuietLoad('contest.reminders', {}, setReminders);
  if (reminders.length === 0) return null;
  const lang = i18n.language;
  return (
    <div className="contest-banner no-print" role="note" data-contest-reminders={reminders.length}>
      {reminders.map((r) => (
        <p key={r.month} className="banner banner-ko" data-month={r.month}>
          {t(r.letterAt ? 'contest.bannerSent' : 'contest.banner', {
            month: formatMonth(r.month, lang),
            count: r.daysLeft,
            date: formatDate(r.contestUntil, lang),
          })}
        </p>
      ))}
    </div>
  );
}
