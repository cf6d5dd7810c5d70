// One command of `npm run till -- …`. Commands are listed in registry.ts; each lives in its own module.
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
