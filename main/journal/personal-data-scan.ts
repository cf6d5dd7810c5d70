// Finds a known personal value (a youth's name, birth date, a pass token) inside any file, whatever the
// encoding it was written in: UTF-8, UTF-16 (either byte order), base64 / base64url, Base45. Encoded
// forms are computed for every alignment the value may have inside a longer encoded stream (a name in
// the middle of a token's Base45 text starts at any byte), keeping only the characters that do not
// depend on the neighbouring bytes. Used by wipe as a last net over every file it keeps, and by the wipe
// proof to show that nothing is left.
import { closeSync, openSync, readSync } from 'node:fs';
import { base45Encode } from '../../protocol/base45';

/** Shorter encoded forms would match by chance in binary files. */
const MIN_FORM_BYTES = 6;

function stableSlice(
  encoded: string,
  prefixBytes: number,
  valueBytes: number,
  groupBytes: number,
  groupChars: number,
): string {
  const firstGroup = Math.ceil(prefixBytes / groupBytes);
  const endGroup = Math.floor((prefixBytes + valueBytes) / groupBytes);
  return endGroup > firstGroup ? encoded.slice(firstGroup * groupChars, endGroup * groupChars) : '';
}

/** Every byte sequence that betrays `value` in a file. */
export function encodedForms(value: string): Buffer[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms = new Set<string>();
  const add = (b: Buffer) => {
    if (b.length >= MIN_FORM_BYTES) forms.add(b.toString('latin1'));
  };
  add(bytes);
  const le = Buffer.from(value, 'utf16le');
  add(le);
  add(Buffer.from(le).swap16());
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const middle = stableSlice(b64, k, bytes.length, 3, 4);
    add(Buffer.from(middle, 'latin1'));
    add(Buffer.from(middle.replace(/\+/g, '-').replace(/\//g, '_'), 'latin1'));
  }
  for (let k = 0; k < 2; k++) {
    const b45 = base45Encode(Buffer.concat([Buffer.alloc(k), bytes]));
    add(Buffer.from(stableSlice(b45, k, bytes.length, 2, 3), 'latin1'));
  }
  return [...forms].map((f) => Buffer.from(f, 'latin1'));
}

const CHUNK = 1 << 20;

/**
 * Many forms searched in one pass over a file: every form is at least MIN_FORM_BYTES long, so its first
 * MIN_FORM_BYTES bytes index it, and each position of the file costs one set lookup, however many forms.
 */
export class FormSearch {
  private readonly byPrefix = new Map<string, Buffer[]>();
  private readonly longest: number;

  constructor(forms: readonly Buffer[]) {
    for (const f of forms) {
      const key = f.toString('latin1', 0, MIN_FORM_BYTES);
      const list = this.byPrefix.get(key) ?? [];
      list.push(f);
      this.byPrefix.set(key, list);
    }
    this.longest = forms.reduce((m, f) => Math.max(m, f.length), 0);
  }

  /** Whether the file holds any of the forms (read in overlapping chunks: any file size). */
  fileHoldsAny(path: string): boolean {
    if (this.byPrefix.size === 0) return false;
    const overlap = this.longest - 1;
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(CHUNK + overlap);
      let carried = 0;
      let position = 0;
      for (;;) {
        const read = readSync(fd, buf, carried, CHUNK, position);
        if (read === 0) return false;
        position += read;
        const window = buf.subarray(0, carried + read);
        if (this.holds(window)) return true;
        carried = Math.min(overlap, window.length);
        window.copyWithin(0, window.length - carried);
      }
    } finally {
      closeSync(fd);
    }
  }

  private holds(window: Buffer): boolean {
    for (let i = 0; i + MIN_FORM_BYTES <= window.length; i++) {
      const candidates = this.byPrefix.get(window.toString('latin1', i, i + MIN_FORM_BYTES));
      if (candidates?.some((f) => window.subarray(i, i + f.length).equals(f))) return true;
    }
    return false;
  }
}
