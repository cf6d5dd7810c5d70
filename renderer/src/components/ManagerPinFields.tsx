// Which manager vouches, and their PIN: the re-enrolment of a till, and any action a manager authorises
// on someone else's session, ask the same two fields.
import type { Ref } from 'react';
import type { StaffView } from '../../../preload/contract';
import { PinInput } from './LabelledInput';

export interface ManagerPinFieldsProps {
  managers: readonly StaffView[];
  managerId: string;
  onManagerId: (id: string) => void;
  pin: string;
  onPin: (pin: string) => void;
  managerLabel: string;
  pinLabel: string;
  /** Names of the two fields in the form. */
  names?: { manager: string; pin: string };
  pinRef?: Ref<HTMLInputElement>;
}

export function ManagerPinFields({
  managers,
  managerId,
  onManagerId,
  pin,
  onPin,
  managerLabel,
  pinLabel,
  names,
  pinRef,
}: ManagerPinFieldsProps) {
  return (
    <>
      <label>
        {managerLabel}
        <select
          name={names?.manager ?? 'managerId'}
          value={managerId}
          onChange={(e) => onManagerId(e.target.value)}
          required
        >
          {managers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <PinInput
        label={pinLabel}
        inputRef={pinRef}
        name={names?.pin ?? 'managerPin'}
        autoComplete="off"
        value={pin}
        onChange={onPin}
        required
      />
    </>
  );
}
