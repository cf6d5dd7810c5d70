// A coupon's short code typed by hand (a scanned QR code takes the same way), and why it was refused.
import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillErrorValue } from '../../../../preload/contract';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CodeInput } from '../../components/LabelledInput';

interface Props {
  error: TillErrorValue | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onResolve: (code: string) => void;
}

export function CouponCodeForm({ error, inputRef, onResolve }: Props) {
  const { t } = useTranslation();
  // The form leaves the screen once a coupon is found: a code that is refused stays, to be corrected.
  const [code, setCode] = useState('');
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) onResolve(code);
      }}
    >
      <p className="hint">{t('coupons.intro')}</p>
      <CodeInput
        label={t('coupons.code')}
        inputRef={inputRef}
        name="coupon-code"
        value={code}
        onChange={setCode}
      />
      <ErrorBanner error={error} />
      <button type="submit" className="primary">
        {t('coupons.resolve')}
      </button>
    </form>
  );
}
