// Picks the command whose words start the argument list (the longest such name wins) and runs it.
import type { CliIo, Command } from './command';

export function findCommand(
  commands: readonly Command[],
  argv: readonly string[],
): { command: Command; rest: string[] } | undefined {
  let best: { command: Command; rest: string[] } | undefined;
  for (const command of commands) {
    const words = command.name.split(' ');
    if (
      words.every((w, i) => argv[i] === w) &&
      (!best || words.length > best.command.name.split(' ').length)
    ) {
      best = { command, rest: argv.slice(words.length) };
    }
  }
  return best;
}

export function usage(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: npm run till -- <command> [options]   (add --help to a command for details)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runCli(
  commands: readonly Command[],
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const found = findCommand(commands, argv);
  if (!found) {
    const asked = argv.length === 0 || argv[0] === '--help' || argv[0] === 'help';
    (asked ? io.out : io.err)(usage(commands));
    return asked ? 0 : 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    io.out(found.command.help);
    return 0;
  }
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    // parseArgs refusals and the like: a usage error, not a crash.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${error.message}\n\n${found.command.help}`);
      return 2;
    }
    throw error;
  }
}
