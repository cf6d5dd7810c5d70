import { isAbsolute, join } from 'node:path';

/** The part of Electron's `app` this module needs, so it runs (and is tested) without Electron. */
export interface AppPaths {
  getPath(name: 'userData'): string;
}

/**
 * Where a till keeps its journal, keys and settings: a `till` folder inside the OS's per-user
 * application data folder (Electron's `userData`, named after the product name "Atouts Caisse"):
 * - Windows: `%APPDATA%\Atouts Caisse\till`
 * - macOS:   `~/Library/Application Support/Atouts Caisse/till`
 * - Linux:   `$XDG_CONFIG_HOME/Atouts Caisse/till` (usually `~/.config/Atouts Caisse/till`)
 *
 * `ATOUTS_TILL_DATA_DIR` overrides it for kiosks that keep data on a dedicated partition; only an
 * absolute path is accepted, because a relative one would follow whatever folder the till was
 * launched from and silently start a second, empty journal.
 */
export function tillDataDir(
  app: AppPaths,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const override = env['ATOUTS_TILL_DATA_DIR']?.trim();
  if (override && isAbsolute(override)) return override;
  return join(app.getPath('userData'), 'till');
}
