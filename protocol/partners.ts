// A partner and its enrolled tills on the wire (region-api.md, "Device"): what the reference server
// answers and the till reads, defined once for both sides.
import { z } from 'zod';
import { Ed25519PublicJwk } from './anchors';
import { CATEGORIES } from './catalogue';

const text = (max: number) => z.string().min(1).max(max);

/** `POST /v1/devices/enroll`, with the partner's single-use activation code. */
export const EnrollBody = z.object({
  partnerId: text(64),
  activationCode: text(64),
  deviceName: text(100),
  /** Re-enrolment: a till that lost its token enrols again as this device of the partner (new token, old one revoked). */
  deviceId: text(64).optional(),
  /** The till's archive-signing public key (region-api.md, Journal anchors). */
  archiveKey: Ed25519PublicJwk.optional(),
});
export type EnrollBody = z.input<typeof EnrollBody>;

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
