import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tillDataDir } from '../../main/shell/data-location';

const app = {
  getPath: (name: 'userData') => (name === 'userData' ? join('/home/caisse/.config', 'Atouts Caisse') : ''),
};

describe('tillDataDir', () => {
  it("keeps the till's data in a folder of the per-user application data", () => {
    expect(tillDataDir(app, {})).toBe(join('/home/caisse/.config', 'Atouts Caisse', 'till'));
  });

  it('honours an absolute ATOUTS_TILL_DATA_DIR, and ignores a relative one', () => {
    const shared = join('/', 'srv', 'atouts');
    expect(tillDataDir(app, { ATOUTS_TILL_DATA_DIR: shared })).toBe(shared);
    expect(tillDataDir(app, { ATOUTS_TILL_DATA_DIR: 'data/till' })).toBe(
      join('/home/caisse/.config', 'Atouts Caisse', 'till'),
    );
  });
});
