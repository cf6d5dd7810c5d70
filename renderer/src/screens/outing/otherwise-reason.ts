import type { TFunction } from 'i18next';
import type { OutingPassView } from '../../../../preload/contract';
import { errorSentence } from '../../i18n';

/** Why a pass is to be settled otherwise: the youth's choice, or the refusal's sentence. */
export function otherwiseReason(t: TFunction, code: OutingPassView['code']): string {
  return code === 'NOT_USED' ? t('outing.notUsed') : errorSentence(t, code ?? 'INTERNAL');
}
