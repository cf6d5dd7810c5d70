import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { errorsEn } from './errors.en';
import { errorsFr } from './errors.fr';
import { uiEn } from './ui.en';
import { uiFr } from './ui.fr';
import { reconcileEn } from './reconcile.en';
import { reconcileFr } from './reconcile.fr';
import { regulationEn } from './regulation.en';
import { regulationFr } from './regulation.fr';
import { manageEn } from './manage.en';
import { manageFr } from './manage.fr';
import type { ErrorCode, TillErrorValue } from '../../../preload/contract';

export function initI18n(language = 'fr'): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'fr',
    resources: {
      fr: { translation: { ...uiFr, error: errorsFr, reconcile: reconcileFr, manage: manageFr } },
      en: { translation: { ...uiEn, error: errorsEn, reconcile: reconcileEn, manage: manageEn } },
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
export function errorSentence(t: TFunction, error: TillErrorValue | ErrorCode): string {
  const code = typeof error === 'string' ? error : error.code;
  const sentence = t(`error.${code}`, typeof error === 'string' ? {} : (error.params ?? {}));
  return sentence === `error.${code}` ? `${t('error.INTERNAL')} (${code})` : sentence;
}
