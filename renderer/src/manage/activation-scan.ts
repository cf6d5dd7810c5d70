// The enrolment screen's scanner (issue 16 item 6): an activation QR code (protocol/activation-qr.ts) read by
// any scanner path — a keyboard-wedge burst caught wherever the focus is, a USB HID scanner through the core,
// or the text typed or pasted into a field — fills the Region's address, the partner's id and the code.
import { useEffect, useRef } from 'react';
import { isActivationText, parseActivation, type Activation } from '../../../protocol/activation-qr';
import { dedupeScans } from '../scan/dedupe';
import { createWedgeCapture } from '../scan/wedge-capture';
import { useTill } from '../till-context';

export type ActivationRead = { ok: true; activation: Activation } | { ok: false };

/** Calls `onRead` for every activation code scanned while the screen is shown (other scans are ignored). */
export function useActivationScan(onRead: (read: ActivationRead) => void): void {
  const till = useTill();
  const latest = useRef(onRead);
  latest.current = onRead;
  useEffect(() => {
    const take = (text: string) => {
      const read = activationTyped(text);
      if (read) latest.current(read);
    };
    const stopWedge = createWedgeCapture(
      window,
      dedupeScans((scan) => take(scan.text)),
    );
    const stopHid = till.on('scan', (event) => take(event.text));
    return () => {
      stopWedge();
      stopHid();
    };
  }, [till]);
}

/** A field's new text: the activation it carries when a code was typed or pasted into it, else null. */
export function activationTyped(text: string): ActivationRead | null {
  if (!isActivationText(text)) return null;
  const parsed = parseActivation(text);
  return parsed.ok ? { ok: true, activation: parsed.activation } : { ok: false };
}
