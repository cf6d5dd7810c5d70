// One command of `npm run till -- …`. Commands are listed in registry.ts; each lives in its own module.
import { TillError } from '../../preload/contract/errors';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  now(): Date;
}

export interface Command {
  /** The words that select it, e.g. "journal verify". */
  name: string;
  summary: string;
  /** Full help text (options, what it does and keeps). */
  help: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

export const defaultIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  now: () => new Date(),
};

/** A till refusal as `CODE: message` on stderr, exit 1; anything else is a bug and propagates. */
export function reportTillError(error: unknown, io: CliIo): number {
  if (error instanceof TillError) {
    io.err(`${error.code}: ${error.message}`);
    return 1;
  }
  throw error;
}
