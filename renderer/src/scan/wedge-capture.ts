// Keyboard-wedge scanners type the token as fast key presses ending with Enter, into whatever has the
// focus. We listen before anything else (capture phase on window), tell a scanner burst from a person
// typing by its rhythm, keep its characters out of the focused field, and rebuild the text from physical
// keys with the US table, so the OS keyboard layout cannot corrupt it.
import type { RendererScan } from './scan-read';
import { usCharForCode } from './us-keymap';

export interface WedgeOptions {
  /** Longest gap between two keys of one burst. Scanners: 1–20 ms; people rarely stay under 40 ms for long. */
  maxGapMs?: number;
  /** Keys in a row, each within maxGapMs, before the burst is taken for a scanner. */
  minLength?: number;
  /**
   * Once a burst is recognised, the longest gap that still continues it. Wider than maxGapMs because a
   * busy machine or a Bluetooth link delivers a scanner's keys with jitter, and no person types mid-burst.
   */
  recognisedMaxGapMs?: number;
  /** Keys that end a scan. */
  suffixes?: ReadonlyArray<'Enter' | 'Tab'>;
}

type Editable = HTMLInputElement | HTMLTextAreaElement;

interface Snapshot {
  element: Editable;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

interface Burst {
  text: string;
  startedAt: number;
  lastAt: number;
  recognised: boolean;
  snapshot: Snapshot | null;
}

const MODIFIER_CODES = new Set(['ShiftLeft', 'ShiftRight', 'CapsLock', 'NumLock']);

function focusedEditable(doc: Document): Editable | null {
  let el: Element | null = doc.activeElement;
  // Inside open shadow roots the real focus is deeper.
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const view = doc.defaultView;
  if (!el || !view) return null;
  if (el instanceof view.HTMLTextAreaElement) return el;
  if (el instanceof view.HTMLInputElement && el.selectionStart !== null) return el;
  return null;
}

function snapshotOf(doc: Document): Snapshot | null {
  const element = focusedEditable(doc);
  return element
    ? {
        element,
        value: element.value,
        selectionStart: element.selectionStart,
        selectionEnd: element.selectionEnd,
      }
    : null;
}

/**
 * Put back what the field held before the burst began. Goes through the prototype's value setter and an
 * input event so that frameworks with controlled inputs (React) see the change.
 */
function restore(s: Snapshot): void {
  const { element } = s;
  if (element.value === s.value) return;
  const view = element.ownerDocument.defaultView;
  const proto =
    view && element instanceof view.HTMLTextAreaElement
      ? view.HTMLTextAreaElement.prototype
      : view?.HTMLInputElement.prototype;
  const setter = proto ? Object.getOwnPropertyDescriptor(proto, 'value')?.set : undefined;
  if (setter) setter.call(element, s.value);
  else element.value = s.value;
  if (s.selectionStart !== null && s.selectionEnd !== null)
    element.setSelectionRange(s.selectionStart, s.selectionEnd);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Start capturing scanner bursts on `target`; returns the function that stops it. */
export function createWedgeCapture(
  target: Window,
  onScan: (scan: RendererScan<'wedge'>) => void,
  opts: WedgeOptions = {},
): () => void {
  const maxGapMs = opts.maxGapMs ?? 40;
  const minLength = opts.minLength ?? 8;
  const recognisedMaxGapMs = Math.max(maxGapMs, opts.recognisedMaxGapMs ?? 150);
  const suffixes = new Set<string>(opts.suffixes ?? ['Enter']);
  let burst: Burst | null = null;
  // Keys whose keydown we swallowed: their keyup is swallowed too (Space's keyup would click a button).
  const swallowed = new Set<string>();

  const swallow = (e: KeyboardEvent): void => {
    e.preventDefault();
    e.stopImmediatePropagation();
    swallowed.add(e.code);
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.isComposing || MODIFIER_CODES.has(e.code)) return;
    const t = e.timeStamp;
    if (burst && t - burst.lastAt > (burst.recognised ? recognisedMaxGapMs : maxGapMs)) burst = null;
    if (e.ctrlKey || e.altKey || e.metaKey) {
      burst = null;
      return;
    }
    const isSuffix =
      e.code === 'Enter' || e.code === 'NumpadEnter'
        ? suffixes.has('Enter')
        : e.code === 'Tab' && suffixes.has('Tab');
    if (isSuffix) {
      const done = burst;
      burst = null;
      if (done && (done.recognised || done.text.length >= minLength)) {
        swallow(e);
        if (done.snapshot) restore(done.snapshot);
        onScan({
          text: done.text,
          source: 'wedge',
          receivedAt: new Date().toISOString(),
          durationMs: Math.round((t - done.startedAt) * 1000) / 1000,
        });
      }
      return;
    }
    const c = usCharForCode(e.code, e.shiftKey);
    if (c === undefined) {
      burst = null;
      return;
    }
    if (!burst)
      burst = { text: '', startedAt: t, lastAt: t, recognised: false, snapshot: snapshotOf(target.document) };
    burst.text += c;
    burst.lastAt = t;
    if (!burst.recognised && burst.text.length >= minLength) {
      burst.recognised = true;
      // The first keys were let through before we knew: take them back out of the field.
      if (burst.snapshot) restore(burst.snapshot);
    }
    if (burst.recognised) swallow(e);
  };

  const onKeyUp = (e: KeyboardEvent): void => {
    if (swallowed.delete(e.code)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  };

  target.addEventListener('keydown', onKeyDown, { capture: true });
  target.addEventListener('keyup', onKeyUp, { capture: true });
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    target.removeEventListener('keyup', onKeyUp, { capture: true });
    burst = null;
  };
}
