// A code typed or pasted by hand (a damaged QR code, a scanner that is not a keyboard wedge): Enter sends the
// trimmed text as a 'paste' scan and empties the field. The counter and the outing read passes this way
// alike; what follows the field in the form (the counter's buttons) is the caller's.
import { useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { ScanInput } from '../shell/shell-context';
import { CodeInput } from './LabelledInput';

interface Props {
  label: string;
  /** The caller decides when the field takes the focus (after a refusal, when a sale ends). */
  inputRef: RefObject<HTMLInputElement | null>;
  onScan: (scan: ScanInput) => void;
  children?: ReactNode;
}

export function PasteScanForm({ label, inputRef, onScan, children }: Props) {
  const [text, setText] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    onScan({ text: value, source: 'paste' });
  }

  return (
    <form className="form" onSubmit={submit}>
      <CodeInput label={label} inputRef={inputRef} name="token" value={text} onChange={setText} />
      {children}
    </form>
  );
}
