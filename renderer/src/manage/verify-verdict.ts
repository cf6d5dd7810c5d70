// The manager's Verify in words: the local chain, then what the Région holds of it — "conforme à la Région
// jusqu'à l'écriture n° N", or the first entry where they part (a cut tail, a recomputed chain).
import type { TFunction } from 'i18next';
import type { VerifyView } from '../../../preload/contract';

export function verifyVerdict(t: TFunction, v: VerifyView): string {
  if (!v.ok) return t('manage.verify.broken', { seq: v.brokenSeq, problem: v.problem });
  const local = t('manage.verify.ok', { count: v.count });
  if (!v.region) return `${local} ${t('manage.verify.regionUnchecked')}`;
  if (v.region.ok) return `${local} ${t('manage.verify.regionOk', { seq: v.region.confirmedUpTo })}`;
  const first = v.region.findings[0];
  return `${local} ${t('manage.verify.regionDiffers', { seq: first?.seq ?? 0, problem: t(`manage.verify.anchor.${first?.problem ?? 'REWRITTEN'}`), upTo: v.region.confirmedUpTo })}`;
}
