// The till's one structured logger (issue 16), for the core process, the Electron shell, browser mode's
// host and the CLI alike: pino, JSON lines, into rotating files in the OS logs folder (Electron:
// app.getPath('logs')) or --data-dir/logs in browser mode.
//
// Why pino rather than electron-log: the core runs as a plain Node process (browser mode, tests) or as
// Electron's utility process, where electron-log's main-process transport and IPC do not apply; pino is
// pure Node, the same in every process, writes one JSON object per line a support tool can filter, and is
// already what the reference Region server (fastify) logs with. Rotation is done here, synchronously, by
// size (a few files of a few MB): pino's rotating transports run a worker thread with a file of its own,
// one more thing to ship inside app.asar for no gain at a till's volume.
//
// What a log line must never hold: pass or coupon tokens, the device token, PINs, names, birth dates.
// Every line goes through `scrub` first: fields whose key names such a thing are replaced whole, and any
// text (messages, error stacks, other fields) has token-shaped substrings replaced. Callers keep passing
// codes and counts; this is the net under them.
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../files/private-files';

export type LogFields = Record<string, unknown>;
export type LogFn = (message: string, fields?: LogFields) => void;

export interface TillLogger {
  readonly log: LogFn;
  readonly warn: LogFn;
  readonly error: LogFn;
  readonly dir: string | null;
  close(): void;
}

export interface LoggerOptions {
  /** The folder of the log files; null logs to `echo` only. */
  dir: string | null;
  /** core | shell | host | cli: the file's name and every line's `process`. */
  processName: string;
  /** A file is rotated past this size. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  /** Also writes each (scrubbed) line here, e.g. stderr for the supervisor's console. */
  echo?: (line: string) => void;
}

export const REDACTED = '[redacted]';
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_KEEP = 4;

/** Keys whose value is personal or secret, at any depth: the value goes whole. */
const SECRET_KEY =
  /pin|token|secret|password|passwd|authorization|cookie|activation|birth|name$|note|^text$|privatekey|apikey|adminkey|^jwt$|^jti$/i;
/** Names that are not a person's: kept. */
const PUBLIC_NAME_KEY = /^(devicename|partnername|filename|productname|hostname)$/i;

/** Token shapes that may hide inside any text (an error message quoting its input). */
const TOKEN_SHAPES: readonly RegExp[] = [
  // Pass and coupon QR tokens (protocol/pass-token.ts): a prefix, then Base45.
  /AT[NC]1:[0-9A-Z $%*+\-./:]{8,}/g,
  // The Region's device token (dev_ + base64url) and any bearer credential.
  /dev_[A-Za-z0-9_-]{16,}/g,
  /Bearer\s+[A-Za-z0-9._~+/=-]{8,}/gi,
  // Coupon short codes.
  /CP-[0-9A-Z]{4}-[0-9A-Z]{4}/g,
];

export function scrubText(text: string): string {
  let out = text;
  for (const shape of TOKEN_SHAPES) out = out.replace(shape, REDACTED);
  return out;
}

const MAX_DEPTH = 6;

/** A copy of `value` safe to log (see the header). */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return scrubText(value.stack ?? `${value.name}: ${value.message}`);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[deep]';
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    out[key] =
      SECRET_KEY.test(key) && !PUBLIC_NAME_KEY.test(key) && v !== null && v !== undefined
        ? REDACTED
        : scrub(v, depth + 1);
  return out;
}

/** A file that starts over past `maxBytes`: name.log → name.1.log → … → name.<keep>.log, the oldest dropped. */
export class RotatingFile {
  private fd: number | null = null;
  private size = 0;

  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly maxBytes: number,
    private readonly keep: number,
  ) {}

  private path(index: number): string {
    return join(this.dir, index === 0 ? `${this.name}.log` : `${this.name}.${index}.log`);
  }

  private open(): number {
    if (this.fd === null) {
      mkdirSync(this.dir, { recursive: true, mode: OWNER_ONLY_DIR });
      this.fd = openSync(this.path(0), 'a', OWNER_ONLY_FILE);
      this.size = fstatSync(this.fd).size;
    }
    return this.fd;
  }

  private rotate(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.path(this.keep), { force: true });
    for (let i = this.keep - 1; i >= 0; i -= 1)
      if (existsSync(this.path(i))) renameSync(this.path(i), this.path(i + 1));
  }

  write(line: string): void {
    const bytes = Buffer.from(line, 'utf8');
    if (this.size > 0 && this.size + bytes.length > this.maxBytes) this.rotate();
    const fd = this.open();
    writeSync(fd, bytes);
    this.size += bytes.length;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

export function createTillLogger(options: LoggerOptions): TillLogger {
  const file = options.dir
    ? new RotatingFile(
        options.dir,
        `till-${options.processName}`,
        options.maxBytes ?? DEFAULT_MAX_BYTES,
        options.keep ?? DEFAULT_KEEP,
      )
    : null;
  const sink = {
    write(line: string) {
      // A log that cannot be written (a full disk) must never take the till down with it.
      try {
        file?.write(line);
      } catch {
        /* dropped */
      }
      options.echo?.(line);
    },
  };
  const base = pino(
    {
      base: { process: options.processName, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: 'message',
      formatters: { level: (label) => ({ level: label }) },
    },
    sink,
  );
  const at =
    (level: 'info' | 'warn' | 'error'): LogFn =>
    (message, fields) => {
      const clean = (fields === undefined ? {} : scrub(fields)) as LogFields;
      base[level](clean, scrubText(message));
    };
  return {
    log: at('info'),
    warn: at('warn'),
    error: at('error'),
    dir: options.dir,
    close: () => file?.close(),
  };
}
