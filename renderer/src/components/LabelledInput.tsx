// A text field with its label around it, the way every form of the till writes one, and the kinds the
// cashier types most: an amount in euros, a code, and a PIN. The callers' attributes (name, required, aria-*) pass
// through untouched, so the fields stay what the tests and assistive technology find.
import type { InputHTMLAttributes, Ref } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'ref'>;

interface Props extends InputProps {
  label: string;
  value: string;
  /** The text as typed: parsing it (euros, digits) is the form's job. */
  onChange: (text: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function LabelledInput({ label, value, onChange, inputRef, ...input }: Props) {
  return (
    <label>
      {label}
      <input ref={inputRef} {...input} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** An amount in euros ("9,50"): the decimal keypad on a touch screen, no browser suggestions. */
export function EurosInput(props: Omit<Props, 'inputMode' | 'autoComplete'>) {
  return <LabelledInput inputMode="decimal" autoComplete="off" {...props} />;
}

/** A code the cashier pastes or types from a pass, a coupon or a slip: no suggestions, no spell check. */
export function CodeInput(props: Omit<Props, 'autoComplete' | 'spellCheck'>) {
  return <LabelledInput autoComplete="off" spellCheck={false} {...props} />;
}

/** A PIN: hidden as it is typed, the numeric keypad on a touch screen. */
export function PinInput(props: Omit<Props, 'type' | 'inputMode'>) {
  return <LabelledInput type="password" inputMode="numeric" {...props} />;
}
