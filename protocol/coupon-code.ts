// The short code printed beside a coupon's QR code, typed by hand: `CP-XXXX-XXXX` in Crockford base32.
// Typing is forgiving about case and hyphens, never about letters Crockford leaves out (I, L, O, U):
// a code with one of those was mistyped, and guessing which digit was meant could pick another coupon.

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY = /^CP([0-9A-HJKMNP-TV-Z]{8})$/;

export function normalizeCouponCode(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/-/g, '');
  const match = BODY.exec(compact);
  if (!match?.[1]) return null;
  return `CP-${match[1].slice(0, 4)}-${match[1].slice(4)}`;
}

/** A fresh code from a source of uniform numbers in [0, 1). */
export function makeCouponCode(random: () => number): string {
  let body = '';
  for (let i = 0; i < 8; i++) {
    const index = Math.min(31, Math.floor(random() * 32));
    body += CROCKFORD_ALPHABET[index];
  }
  return `CP-${body.slice(0, 4)}-${body.slice(4)}`;
}
