// The engine fixture one test file's tests share: made in beforeAll on the file's Region server, closed after
// them. Apart from engine-fixture.ts so that the proof scripts, which use the fixture outside vitest, do
// not load the test runner.
import { madeBeforeAll } from '../support/made-before-all';
import type { RegionHandle } from '../support/region-server';
import { engineFixture, type EngineFixture } from './engine-fixture';

export function engineForTests(
  region: RegionHandle,
  opts: Parameters<typeof engineFixture>[1] = {},
): EngineFixture {
  return madeBeforeAll(
    'the engine fixture',
    () => engineFixture(region, opts),
    (f) => f.close(),
  );
}
