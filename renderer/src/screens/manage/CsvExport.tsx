// The debits of a day, a month or a range, as the CSV the partner's accountant asks for.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPeriod } from '../../../../preload/contract';
import { parisToday } from '../../format/dates';
import { deliverFile } from '../../manage/deliver-file';
import type { ManageTasks } from './use-manage-tasks';

export function CsvExport({ tasks }: { tasks: ManageTasks }) {
  const { t } = useTranslation();
  const today = parisToday();
  const [periodKind, setPeriodKind] = useState<ExportPeriod['kind']>('month');
  const [day, setDay] = useState(today);
  const [month, setMonth] = useState(today.slice(0, 7));
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);

  const period = (): ExportPeriod =>
    periodKind === 'day'
      ? { kind: 'day', day }
      : periodKind === 'month'
        ? { kind: 'month', month }
        : { kind: 'range', from, to };

  return (
    <form
      onSubmit={tasks.onSubmit(
        () =>
          void tasks.perform('export.csv', 'manage.exportCsv', { period: period() }, (file) => {
            deliverFile(file);
            return t('manage.exports.csvDone', { count: file.count, name: file.name });
          }),
      )}
    >
      <label>
        {t('manage.exports.periodKind')}
        <select value={periodKind} onChange={(e) => setPeriodKind(e.target.value as ExportPeriod['kind'])}>
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
      <button type="submit" className="primary" disabled={tasks.busy}>
        {t('manage.exports.csv')}
      </button>
    </form>
  );
}
