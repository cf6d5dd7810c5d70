// `npm run till -- <command>`: the till's maintenance command line (see registry.ts for the commands).
import { defaultIo } from './command';
import { runCli } from './dispatch';
import { COMMANDS } from './registry';

process.exitCode = await runCli(COMMANDS, process.argv.slice(2), defaultIo);
