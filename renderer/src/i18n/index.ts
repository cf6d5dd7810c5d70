import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { errorsEn, errorsWithEn } from './errors.en';
import { errorsFr, errorsWithFr } from './errors.fr';
import { uiEn } from './ui.en';
import { uiFr } from './ui.fr';
import { reconcileEn } from './reconcile.en';
import { reconcileFr } from './reconcile.fr';
import { regulationEn } from './regulation.en';
import { regulationFr } from './regulation.fr';
import { manageEn } from './manage.en';
import { manageFr } from './manage.fr';
import type { ErrorCode, TillErrorValue } from '../../../preload/contract';
import { formatCents } from '../format/money';

export function initI18n(language = 'fr'): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'fr',
    resources: {
      fr: {
        translation: {
          ...uiFr,
          error: errorsFr,
          errorWith: errorsWithFr,
          reconcile: reconcileFr,
          manage: manageFr,
        },
      },
      en: {
        translation: {
          ...uiEn,
          error: errorsEn,
          errorWith: errorsWithEn,
          reconcile: reconcileEn,
          manage: manageEn,
        },
      },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Issue 17's screens (sorties, avoirs, contestation): deep-merged, so their nav labels join ui's.
  i18next.addResourceBundle('fr', 'translation', regulationFr, true, false);
  i18next.addResourceBundle('en', 'translation', regulationEn, true, false);
  return i18next;
}

/** The sentence for a refusal; unknown codes (a newer Region) get a generic sentence with the code. */
export function errorSentence(
  t: TFunction,
  error: TillErrorValue | ErrorCode,
  language = i18next.language,
): string {
  const code = typeof error === 'string' ? error : error.code;
  const params = typeof error === 'string' ? {} : sentenceParams(error.params ?? {}, language);
  // A sentence that names a value (the maximum part, the coupon's worth) where the refusal carries it.
  if (Object.keys(params).length > 0) {
    const precise = t(`errorWith.${code}`, params);
    if (precise !== `errorWith.${code}` && !precise.includes('{{')) return precise;
  }
  const sentence = t(`error.${code}`, params);
  return sentence === `error.${code}` ? `${t('error.INTERNAL')} (${code})` : sentence;
}

/**
 * The core sends amounts as integer cents (`balanceCents`); a sentence says them as money: each `xCents` param
 * also comes as `x`, formatted ("13,00 €"), so a refusal can name the maximum the cashier may type.
 */
function sentenceParams(
  params: Record<string, string | number>,
  language = 'fr',
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [key, value] of Object.entries(params)) {
    if (key.endsWith('Cents') && typeof value === 'number')
      out[key.slice(0, -'Cents'.length)] = formatCents(value, language);
  }
  return out;
}
