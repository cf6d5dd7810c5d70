// Who is calling: a till by its device token, or a person by the admin key. And shapes at the door.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Device, Partner } from '../domain/partners';
import { deviceByToken, getPartner } from '../domain/partners';
import { ok, refuse } from '../domain/problem';
import type { Outcome } from '../domain/problem';
import type { Region } from '../domain/region';

export interface Till {
  device: Device;
  partner: Partner;
}

/** The calling till; `writes` refuses a suspended partner (it may still read its own records). */
export function authenticate(region: Region, request: FastifyRequest, writes = false): Outcome<Till> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
  const device = match?.[1] ? deviceByToken(region, match[1]) : null;
  if (!device) return refuse('UNAUTHORIZED', 'missing or unknown device token', 401);
  const partner = getPartner(region, device.partnerId);
  if (!partner) return refuse('UNAUTHORIZED', 'device of an unknown partner', 401);
  if (writes && partner.status === 'suspended') return refuse('PARTNER_SUSPENDED', 'partner suspended', 403);
  return ok({ device, partner });
}

export function isAdmin(request: FastifyRequest, adminKey: string): boolean {
  const given = request.headers['x-admin-key'];
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(adminKey).digest();
  return timingSafeEqual(a, b);
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): Outcome<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return ok(result.data);
  const detail = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  return refuse('VALIDATION_FAILED', detail, 400);
}
