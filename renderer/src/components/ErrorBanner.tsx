import { useTranslation } from 'react-i18next';
import type { ErrorCode, TillErrorValue } from '../../../preload/contract';
import { errorSentence } from '../i18n';

export function ErrorBanner({ error }: { error: TillErrorValue | ErrorCode | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const code = typeof error === 'string' ? error : error.code;
  return (
    <div className="banner banner-refused" role="alert" data-code={code}>
      {errorSentence(t, error)}
    </div>
  );
}
