// A partner and its enrolled tills on the wire (region-api.md, "Device"): what the reference server
// answers and the till reads, defined once for both sides.
import { z } from 'zod';
import { CATEGORIES } from './catalogue';

/** `GET /v1/partner`, and the partner in an enrolment's answer. */
export const Partner = z.object({
  id: z.string(),
  name: z.string(),
  siret: z.string(),
  accreditations: z.array(z.enum(CATEGORIES)),
  status: z.enum(['active', 'suspended']),
});
export type Partner = z.infer<typeof Partner>;

/** `201` answer to `POST /v1/devices/enroll`: the till's id and bearer token. */
export const EnrollAnswer = z.object({ deviceId: z.string(), token: z.string().min(16), partner: Partner });
export type EnrollAnswer = z.infer<typeof EnrollAnswer>;
