// The Region may grant or withdraw an accreditation, or suspend a partner, at any time: the till's record
// of its partner follows at each refresh (start-up, then hourly with the keys), not only at enrolment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshKeys } from '../../main/core/handlers/till-handlers';
import { startRegionServer, type RegionHandle } from '../support/region-server';
import { engineFixture, type EngineFixture } from './engine-fixture';

let region: RegionHandle;
let f: EngineFixture;

beforeAll(async () => {
  region = await startRegionServer();
  f = await engineFixture(region, { accreditations: ['CINEMA'] });
});

afterAll(async () => {
  f?.close();
  await region?.stop();
});

describe("the partner's accreditations", () => {
  it('follow the Region after a refresh', async () => {
    expect(f.till.status().partner?.accreditations).toEqual(['CINEMA']);
    await region.admin.patchPartner(f.partnerId, { accreditations: ['CINEMA', 'SPECTACLE'] });
    await refreshKeys(f.till.context);
    expect(f.till.status().partner?.accreditations).toEqual(['CINEMA', 'SPECTACLE']);
    await region.admin.patchPartner(f.partnerId, { accreditations: ['SPECTACLE'] });
    await refreshKeys(f.till.context);
    expect(f.till.status().partner?.accreditations).toEqual(['SPECTACLE']);
  });
});
