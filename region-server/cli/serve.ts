// `npm run region-server -- --port <port|0> --db <file> --admin-key <key> [--seed demo] [--log-level info]`
// Prints exactly one line on stdout once it accepts connections: REGION_SERVER_URL=http://127.0.0.1:<port>.
// Everything else (logs, demo activation codes) goes to stderr.
import { writeFileSync } from 'node:fs';
import { openDatabase } from '../db/open-database';
import { makeRegion } from '../domain/region';
import { buildApp } from '../http/app';
import { isSeeded, seedDemo } from '../seed/demo-seed';
import { readFlags } from './args';

function fail(message: string): never {
  process.stderr.write(`region-server: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { flags } = readFlags(process.argv.slice(2));
  const dbPath = flags.get('db') ?? fail('--db <file> is required');
  const adminKey =
    flags.get('admin-key') ?? process.env.REGION_ADMIN_KEY ?? fail('--admin-key <key> is required');
  const port = Number(flags.get('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('--port must be 0..65535');
  const seed = flags.get('seed');
  if (seed !== undefined && seed !== 'demo') fail('--seed accepts only "demo"');

  const db = openDatabase(dbPath);
  const region = makeRegion(db);
  if (seed === 'demo' && !isSeeded(region)) {
    const facts = seedDemo(region);
    writeFileSync(`${dbPath}.demo.json`, `${JSON.stringify(facts, null, 2)}\n`);
    process.stderr.write('Demo seeded. Activation codes:\n');
    for (const p of facts.partners)
      process.stderr.write(`  ${p.id}  ${p.activationCode}  ${p.name} (${p.accreditations.join(', ')})\n`);
    process.stderr.write(`Facts written to ${dbPath}.demo.json\n`);
  }

  const app = buildApp({ region, adminKey, logLevel: flags.get('log-level') ?? 'info' });
  const shutdown = async (): Promise<void> => {
    await app.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());

  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`REGION_SERVER_URL=http://127.0.0.1:${actualPort}\n`);
}

main().catch((error: unknown) =>
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
