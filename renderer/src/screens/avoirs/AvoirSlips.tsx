// The avoirs just issued, one printable slip each: the code is what the youth brings back.
import { useTranslation } from 'react-i18next';
import type { AvoirView } from '../../../../preload/contract';
import { useShell } from '../../shell/shell-context';
import { formatCents } from '../../format/money';

export function AvoirSlips({ avoirs }: { avoirs: AvoirView[] }) {
  const { t, i18n } = useTranslation();
  const shell = useShell();
  return (
    <section className="avoir-slips" aria-labelledby="avoir-slips">
      <h2 id="avoir-slips" role="status">
        {t('avoir.issued', { count: avoirs.length })}
      </h2>
      {avoirs.map((a) => (
        <p key={a.avoirId} className="avoir-slip" data-avoir-code={a.code} data-amount={a.amountCents}>
          {t('avoir.slip', {
            code: a.code,
            amount: formatCents(a.amountCents, i18n.language),
            category: t(`category.${a.category}`),
            partner: shell.status.partner?.name ?? '',
          })}
          {a.name ? ` — ${a.name}` : ''}
        </p>
      ))}
      <button type="button" className="no-print" onClick={() => window.print()}>
        {t('avoir.print')}
      </button>
    </section>
  );
}
