// Voiding a debit of today: whose payment, what, how much and when, said first; the two actions named so
// they cannot be taken for each other ("Garder le paiement" / "Annuler ce paiement de 7,00 €"), and the
// destructive one never the default (Enter in a field does not void). On a cashier's session a manager
// authorises this one void with their PIN, in the dialog.
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalDebitRow, StaffView, VoidReason } from '../../../preload/contract';
import { VOID_REASONS } from '../../../preload/contract/journal';
import { useCall } from '../use-call';
import { formatCents } from '../format/money';
import { VoidSummary } from './VoidSummary';
import { VoidWindowNote } from './VoidWindowNote';
import { ErrorBanner } from './ErrorBanner';
import { ManagerPinFields } from './ManagerPinFields';

interface Props {
  row: JournalDebitRow;
  /** Whether the session is a manager's: otherwise a manager's PIN is asked for. */
  isManager: boolean;
  /** The till's managers, to pick who authorises. */
  managers: StaffView[];
  cashierName: string;
  onCancel: () => void;
  onVoided: () => void;
}

export function VoidDialog({ row, isManager, managers, cashierName, onCancel, onVoided }: Props) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  // The journal keeps this code; the text above stays outside the chain (issue 15).
  const [reasonCode, setReasonCode] = useState<VoidReason | ''>('');
  const [managerId, setManagerId] = useState(managers[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const { busy, error, run } = useCall();
  const input = useRef<HTMLInputElement>(null);
  const pinInput = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (!managerId && managers[0]) setManagerId(managers[0].id);
  }, [managers, managerId]);
  // A wrong PIN is typed again from empty (every refusal is a new value: a second wrong PIN clears it too),
  // in the same commit as the banner, so nothing sees the refusal beside the wrong PIN.
  useLayoutEffect(() => {
    if (error?.code !== 'OVERRIDE_PIN_INVALID') return;
    setPin('');
    pinInput.current?.focus();
  }, [error]);
  const money = (c: number) => formatCents(c, i18n.language);
  const amount = money(row.amountCents);

  async function voidIt() {
    const voided = await run('debit.void', {
      debitId: row.debitId,
      ...(reasonCode ? { reasonCode } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(isManager ? {} : { override: { staffId: managerId, pin } }),
    });
    if (voided) onVoided();
  }

  // Enter in a field never voids: the form has no default action; the void is its own button.
  const noDefault = (e: FormEvent) => e.preventDefault();
  const complete =
    (reasonCode !== '' || reason.trim().length >= 3) &&
    (isManager || (managerId !== '' && /^\d{4,8}$/.test(pin)));

  return (
    <form
      className="form void-form"
      onSubmit={noDefault}
      aria-labelledby="void-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Escape keeps the payment and stays on the entry (the detail's own Escape would close it).
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id="void-title">{t('void.title', { seq: row.deviceSeq })}</h3>
      <VoidSummary row={row} amount={amount} cashierName={cashierName} />
      <VoidWindowNote occurredAt={row.occurredAt} />
      <div className="void-reason">
        <label>
          {t('void.reason')}
          <input
            ref={input}
            name="reason"
            autoComplete="off"
            minLength={3}
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required={reasonCode === ''}
          />
        </label>
        <label>
          {t('void.reasonCode')}
          <select
            name="reasonCode"
            value={reasonCode}
            onChange={(e) => setReasonCode(e.target.value as VoidReason | '')}
          >
            <option value="">{t('void.reasonCodeNone')}</option>
            {VOID_REASONS.map((code) => (
              <option key={code} value={code}>
                {t(`voidReason.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">{t('void.reasonPrivacy')}</p>
      </div>
      {!isManager && (
        <fieldset className="void-override">
          <legend>{t('voidDialog.override')}</legend>
          <p className="hint">{t('voidDialog.overrideHelp')}</p>
          <ManagerPinFields
            managers={managers}
            managerId={managerId}
            onManagerId={setManagerId}
            pin={pin}
            onPin={setPin}
            managerLabel={t('voidDialog.overrideManager')}
            pinLabel={t('voidDialog.overridePin')}
            names={{ manager: 'overrideManager', pin: 'overridePin' }}
            pinRef={pinInput}
          />
        </fieldset>
      )}
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="button" className="primary" aria-keyshortcuts="Escape" onClick={onCancel}>
          {t('voidDialog.keep')}
        </button>
        <button type="button" className="danger" disabled={busy || !complete} onClick={() => void voidIt()}>
          {t('voidDialog.confirm', { amount })}
        </button>
      </div>
    </form>
  );
}
