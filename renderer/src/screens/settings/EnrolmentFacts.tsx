// What this till is enrolled as: the partner, its accreditations, the device, the Region, the offline policy.
import { useTranslation } from 'react-i18next';
import type { TillStatus } from '../../../../preload/contract';
import { formatCents } from '../../format/money';

export function EnrolmentFacts({ status }: { status: TillStatus }) {
  const { t, i18n } = useTranslation();
  const partner = status.partner;
  const policy = status.offlinePolicy;
  return (
    <section className="form" aria-labelledby="enrolment-title">
      <h2 id="enrolment-title">{t('settings.enrolment')}</h2>
      <dl className="facts">
        <dt>{t('settings.partner')}</dt>
        <dd>{partner?.name ?? '—'}</dd>
        <dt>{t('settings.partnerId')}</dt>
        <dd className="mono">{partner?.id ?? '—'}</dd>
        <dt>{t('settings.accreditations')}</dt>
        <dd>{partner?.accreditations.map((c) => t(`category.${c}`)).join(', ') || '—'}</dd>
        <dt>{t('settings.device')}</dt>
        <dd>
          {status.deviceName ?? '—'} <span className="mono hint">{status.deviceId}</span>
        </dd>
        <dt>{t('settings.regionUrl')}</dt>
        <dd className="mono">{status.regionUrl ?? '—'}</dd>
      </dl>
      {policy && (
        <p>
          {t('settings.offlinePolicy', {
            state: policy.enabled ? t('settings.offlineOn') : t('settings.offlineOff'),
            limit: formatCents(policy.floorLimitCents, i18n.language),
            hours: policy.maxOfflineHours,
          })}
        </p>
      )}
    </section>
  );
}
