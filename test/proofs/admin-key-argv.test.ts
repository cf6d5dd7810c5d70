// The Region admin key never appears on a command line: `ps` (/proc/<pid>/cmdline) shows every
// process's arguments to every local user, while a process's environment is readable by its owner only.
// The reference server started for the demo and the tests takes it from REGION_ADMIN_KEY.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { regionForTests } from '../support/region-for-tests';

const region = regionForTests();

function commandLines(): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        return [readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')];
      } catch {
        return []; // the process ended meanwhile
      }
    });
}

describe('the Region admin key', () => {
  it.skipIf(!existsSync('/proc/self/cmdline'))(
    'is on no command line while the server runs, and the server still takes it',
    async () => {
      const lines = commandLines();
      expect(lines.some((line) => line.includes('region-server/cli/serve.ts'))).toBe(true);
      expect(lines.filter((line) => line.includes(region.adminKey))).toEqual([]);
      await expect(
        region.admin.createPartner({
          name: 'Cinéma Env',
          siret: '12345678900011',
          accreditations: ['CINEMA'],
        }),
      ).resolves.toMatchObject({ id: expect.any(String) });
    },
  );
});
