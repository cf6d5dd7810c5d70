// A day's or a month's closure (Z or M) as its PDF, picked among the closures on record.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosureView } from '../../../../preload/contract';
import { formatPeriod } from '../../format/dates';
import { deliverFile, formatBytes } from '../../manage/deliver-file';
import type { ManageTasks } from './use-manage-tasks';
import { useQuietLoad } from '../../use-quiet-load';

export function ClosurePdfExport({ tasks }: { tasks: ManageTasks }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [closures, setClosures] = useState<ClosureView[]>([]);
  const [closureSeq, setClosureSeq] = useState<number | null>(null);
  useQuietLoad(
    'closure.list',
    {},
    (list) => {
      setClosures(list);
      setClosureSeq((seq) => seq ?? list[0]?.seq ?? null);
    },
    tasks.reloads,
  );
  const selected = closures.find((c) => c.seq === closureSeq) ?? null;

  return (
    <>
      <h3>{t('manage.exports.pdfTitle')}</h3>
      {closures.length === 0 ? (
        <p className="hint">{t('manage.exports.noClosure')}</p>
      ) : (
        <form
          onSubmit={tasks.onSubmit(() => {
            if (!selected) return;
            void tasks.perform(
              'export.closurePdf',
              'manage.closurePdf',
              { period: selected.period },
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
          <button type="submit" disabled={tasks.busy}>
            {t('manage.exports.pdf')}
          </button>
        </form>
      )}
    </>
  );
}
