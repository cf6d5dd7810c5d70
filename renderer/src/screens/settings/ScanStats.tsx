// How long the last scan of each source took (a slow wedge is a badly set scanner), and what the platform
// says about reading USB scanners.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanSource, ScanStatsView } from '../../../../preload/contract';
import { formatDateTime } from '../../format/dates';
import { useQuietLoad } from '../../use-quiet-load';

type LastScan = ScanStatsView['lastBySource'][ScanSource];

export function ScanStats() {
  const { t, i18n } = useTranslation();
  const [stats, setStats] = useState<ScanStatsView | null>(null);

  // No banner: statistics that cannot be read are shown as none.
  useQuietLoad('scanner.stats', {}, setStats);

  const stat = stats ? (Object.entries(stats.lastBySource) as [ScanSource, NonNullable<LastScan>][]) : [];
  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('settings.stats')}</h2>
      {stat.length === 0 ? (
        <p>{t('settings.statsEmpty')}</p>
      ) : (
        <table className="table stats-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.colSource')}</th>
              <th scope="col">{t('settings.colDuration')}</th>
              <th scope="col">{t('settings.colChars')}</th>
              <th scope="col">{t('settings.colAt')}</th>
            </tr>
          </thead>
          <tbody>
            {stat.map(([source, s]) => (
              <tr key={source} data-source={source}>
                <td>{t(`settings.source.${source}`)}</td>
                <td>{Math.round(s.durationMs)} ms</td>
                <td>{s.chars}</td>
                <td>{formatDateTime(s.at, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stats?.platformNotes.map((note) => (
        <p key={note} className="hint" data-platform-note={note}>
          {t(`settings.platformNote.${note}`)}
        </p>
      ))}
    </section>
  );
}
