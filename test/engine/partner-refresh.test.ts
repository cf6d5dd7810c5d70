// The Region may grant or withdraw an accreditation, or suspend a partner, at any time: the till's record
// of its partner follows at each refresh (start-up, then hourly with the keys), not only at enrolment.
import { describe, expect, it } from 'vitest';
import { refreshKeys } from '../../main/core/handlers/till-handlers';
import { regionForTests } from '../support/region-for-tests';
import { engineForTests } from './engine-for-tests';

const region = regionForTests();
const f = engineForTests(region, { accreditations: ['CINEMA'] });

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
