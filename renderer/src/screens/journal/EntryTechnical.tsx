// The entry's place in the chain, for whoever checks the journal: its kind, time, hashes and sequence.
import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../../../preload/contract';
import { formatDateTime } from '../../format/dates';

export function EntryTechnical({ entry }: { entry: EntryView | null }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="technical">
      <summary>{t('voidDialog.technical')}</summary>
      {entry && (
        <>
          <dl className="entry">
            <dt>{t('journal.kind')}</dt>
            <dd className="mono">{entry.kind}</dd>
            <dt>{t('journal.at')}</dt>
            <dd>{formatDateTime(entry.at, i18n.language)}</dd>
            <dt>{t('journal.prevHash')}</dt>
            <dd className="mono hash">{entry.prevHash}</dd>
            <dt>{t('journal.hash')}</dt>
            <dd className="mono hash">{entry.hash}</dd>
          </dl>
          <p className="chain">{t('journal.chain', { seq: entry.seq, prev: Math.max(0, entry.seq - 1) })}</p>
        </>
      )}
    </details>
  );
}
