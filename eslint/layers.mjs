// @ts-check
// Who may import whom, as data. The models: VS Code's code-layering (a layer imports only the layers below
// it) and Signal's file-suffix rule (where a file sits says what it may use).
// eslint/layering-plugin.mjs reads this table; test/lint/layering.test.ts proves it refuses each hole.
//
// A file belongs to one *unit*: a folder of main/ (main/journal), of region-server/ (region-server/domain),
// or one of the top-level parts below. Test code is its own unit wherever it lives (*.test.ts beside the
// code, test/, region-server/test/): product code never imports it.
//
// Inside main/ and region-server/ the folders are *ordered*: a folder imports only folders before it in
// its list. An order cannot hold a cycle, so folder cycles are refused by construction; a new folder
// fails the lint until it is placed here. Module cycles (file to file) are refused by the no-cycle rule.

/**
 * main/, lowest first. Why each sits where it does:
 * - files, sqlite, security: leaves (durable writes, the better-sqlite3 loader, the CSP string).
 * - secrets: the device secret and its cipher (writes durably through files).
 * - journal: the append-only chain; it needs only SQLite.
 * - transport: the dispatch table over the contract (validation, role, errors as codes); it knows the
 *   journal's storage errors and nothing of the core, so the core builds its table with it. (Issue 18
 *   drew "core < transport/host"; the only edge between them is core → transport (the handlers' types,
 *   createDispatch), so transport sits below the core and host above it.)
 * - logging: the log and the call log, which wraps a dispatch.
 * - staff, privacy, diagnostic, backup, pass: read the journal (or SQLite) and nothing above.
 * - region: the Région client, its link and reachability (journal for the link's settings, secrets).
 * - archive < export < reconciliation: archives are built from the journal; exports include archives;
 *   reconciliation compares statements and drafts the contest letter (an export).
 * - anchors: the journal's head anchored at the Region (journal, region).
 * - debit < outbox: the debit engine writes its intent and hands the rest to the outbox through the
 *   ports it declares (debit/outbox-port.ts); the outbox resends with the debit's own request builders.
 * - receipt, outing, avoir, offer, coupon: desks over the debit and the outbox (the avoirs' books, read by
 *   the closure exports, are an export: export/avoir-ledger.ts).
 * - core: the till core (context, handlers, createTill) over all of the above.
 * - core-process: the core as a process (entry, endpoints, supervisor).
 * - ui-serving: the one request handler for app:// and browser mode (security for the CSP).
 * - host: browser mode (supervises the core process, serves the UI).
 * - cli: `npm run till`, over the journal, exports, archives, reconciliation, staff.
 * - shell: the Electron main process, last: nothing in the till imports it.
 */
export const mainOrder = [
  'files',
  'sqlite',
  'security',
  'secrets',
  'journal',
  'transport',
  'logging',
  'staff',
  'privacy',
  'diagnostic',
  'backup',
  'pass',
  'region',
  'archive',
  'export',
  'reconciliation',
  'anchors',
  'debit',
  'outbox',
  'receipt',
  'outing',
  'avoir',
  'offer',
  'coupon',
  'core',
  'core-process',
  'ui-serving',
  'host',
  'cli',
  'shell',
];

/** region-server/, lowest first; '.' is its top level (the launcher and the admin client). */
export const regionServerOrder = ['db', 'domain', 'http', 'seed', '.', 'cli'];

/** Packages that are Electron: only the shell and the preload import them. */
export const electronPackages = ['electron', 'electron-updater'];

/**
 * The units outside the two ordered lists. `units`: what the unit may import besides itself
 * ('product': every unit but test code, plus build/ and scripts/);
 * `packages`: 'any', 'any-but-node' (a web page or a sandboxed preload), or the exact list allowed.
 * Electron is allowed only where `electron: true`.
 * @type {Record<string, { units: string[] | 'all' | 'product', packages: 'any' | 'any-but-node' | string[], electron?: boolean, why: string }>}
 */
export const units = {
  protocol: {
    units: [],
    packages: ['node:crypto', 'crypto', 'cbor2', 'zod'],
    why: 'the published formats: node:crypto, the CBOR library and zod only; no file system, no network, no DOM',
  },
  'preload/contract': {
    units: ['protocol'],
    packages: ['zod'],
    why: 'the contract is read by the renderer and the core alike: schemas only',
  },
  preload: {
    units: ['preload/contract', 'protocol'],
    packages: ['electron'],
    electron: true,
    why: "the sandboxed preload: Electron's renderer modules and the contract, no Node built-ins, no main/",
  },
  renderer: {
    units: ['preload/contract', 'protocol'],
    packages: 'any-but-node',
    why: 'a sandboxed web page: the till only through the contract (window.till)',
  },
  native: {
    units: ['preload/contract', 'protocol'],
    packages: 'any',
    why: 'device drivers (node-hid): below main/, never above it',
  },
  scripts: {
    units: 'product',
    packages: 'any',
    why: 'dev scripts run product code, never the tests',
  },
  build: {
    units: 'product',
    packages: 'any',
    why: 'packaging hooks and icon scripts',
  },
  bench: {
    units: 'all',
    packages: 'any',
    electron: true,
    why: 'benchmarks drive the real till with the test servers',
  },
  test: { units: 'all', packages: 'any', electron: true, why: 'tests may reach everything' },
  root: { units: 'all', packages: 'any', why: 'tool configuration (vite, vitest)' },
};

/**
 * Units outside main/ (and outside region-server/) that its folders reach, each from the folder named on:
 * the published formats and the contract everywhere; the USB drivers only from the core up.
 */
export const mainMayAlsoImport = { protocol: 'files', 'preload/contract': 'files', native: 'core' };
export const regionServerMayAlsoImport = { protocol: 'db' };

/** Files that are test code wherever they live. */
export const testFile = /(^|\/)(test|region-server\/test)\/|\.(test|e2e\.test|property\.test|bench)\.tsx?$/;
/** Scripts that only run the tests or the proofs kept in test/ (they are test tooling). */
export const testTooling = /^scripts\/(test-all\.ts|proofs\/)/;
