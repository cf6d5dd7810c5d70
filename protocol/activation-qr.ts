// The activation QR code (docs/activation-qr.md): one code carrying what enrolling a till needs from the
// Region — its address, the partner's id and a one-time activation code — so the partner scans it at the
// enrolment screen instead of typing three fields. Shared by the till (parses it from any scanner path) and
// the reference server's CLI (prints it).
//
// Text: `ATA1:` then base64url (RFC 4648 §5, no padding) of the UTF-8 JSON {"v":1,"region":…,"partner":…,
// "code":…}. base64url keeps to letters, digits, '-' and '_': a keyboard-wedge scanner types it the same on
// AZERTY, QWERTY or QWERTZ counters (the till rebuilds keys from their codes), unlike a URL's ':/?&='.
import { z } from 'zod';

export const ACTIVATION_PREFIX = 'ATA1:';
/** A QR code of version 10 (57×57) at level M holds 213 bytes: far more than a till's activation needs. */
export const ACTIVATION_TEXT_MAX = 600;

const activationSchema = z
  .object({
    v: z.literal(1),
    region: z.url().max(300),
    partner: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/),
    code: z.string().regex(/^[A-Za-z0-9-]{4,64}$/),
  })
  .strict();

export interface Activation {
  regionUrl: string;
  partnerId: string;
  activationCode: string;
}

export type ActivationParse =
  { ok: true; activation: Activation } | { ok: false; reason: 'NOT_ACTIVATION' | 'MALFORMED' };

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

export function encodeActivation(a: Activation): string {
  return (
    ACTIVATION_PREFIX +
    toBase64Url(JSON.stringify({ v: 1, region: a.regionUrl, partner: a.partnerId, code: a.activationCode }))
  );
}

/** Whether a scan is an activation code at all (the enrolment screen ignores other scans). */
export function isActivationText(text: string): boolean {
  return text.trim().toUpperCase().startsWith(ACTIVATION_PREFIX);
}

export function parseActivation(raw: string): ActivationParse {
  const text = raw.trim();
  if (!isActivationText(text)) return { ok: false, reason: 'NOT_ACTIVATION' };
  if (text.length > ACTIVATION_TEXT_MAX) return { ok: false, reason: 'MALFORMED' };
  const json = fromBase64Url(text.slice(ACTIVATION_PREFIX.length));
  if (json === null) return { ok: false, reason: 'MALFORMED' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'MALFORMED' };
  }
  const parsed = activationSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'MALFORMED' };
  return {
    ok: true,
    activation: {
      regionUrl: parsed.data.region,
      partnerId: parsed.data.partner,
      activationCode: parsed.data.code,
    },
  };
}
