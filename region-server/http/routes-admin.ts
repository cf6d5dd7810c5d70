// The reference server's own /admin/ routes, for demos and tests only. app.ts registers them in a context
// whose hook checks X-Admin-Key for each of them, however the URL was spelled.
import type { FastifyInstance } from 'fastify';
import { WALLETS } from '../../protocol/catalogue';
import { mintPassToken } from '../../protocol/pass-token';
import { createBeneficiary, getBeneficiary, setMembership, walletsOf } from '../domain/beneficiaries';
import { cancelCoupon, createCoupon } from '../domain/coupons';
import { ledger } from '../domain/debits';
import { addParticipant, createOffer } from '../domain/offers';
import { allAnchors } from '../domain/anchors';
import { archiveKeyState } from '../domain/archive-keys';
import {
  createPartner,
  getDevice,
  getPartner,
  listPartners,
  newActivationCode,
  patchPartner,
} from '../domain/partners';
import { refuse } from '../domain/problem';
import type { Region } from '../domain/region';
import { FaultsSchema } from '../domain/settings';
import { closeMonth, payMonth } from '../domain/statements';
import { redateDebit } from '../domain/back-office';
import { parse } from './guards';
import { jsonAnswer, outcomeAnswer, problemAnswer, send } from './problem-reply';
import {
  AdminBeneficiaryBody,
  AdminClockBody,
  AdminCouponBody,
  AdminFaultsBody,
  AdminMintPassBody,
  AdminOfferBody,
  AdminOfflineBody,
  AdminParticipantBody,
  AdminPartnerBody,
  AdminPatchBeneficiaryBody,
  AdminPatchPartnerBody,
  AdminPayBody,
  AdminRedateDebitBody,
  MonthParam,
} from './schemas';

type Params = Record<string, string>;
const notFound = (what: string) => problemAnswer({ status: 404, code: 'NOT_FOUND', detail: `no ${what}` });

export function registerAdminRoutes(app: FastifyInstance, region: Region): void {
  app.get('/admin/partners', async (_request, reply) =>
    send(reply, jsonAnswer(200, { items: listPartners(region) })),
  );

  app.post('/admin/partners', async (request, reply) => {
    const body = parse(AdminPartnerBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    return send(reply, jsonAnswer(201, createPartner(region, body.value)));
  });

  app.post('/admin/partners/:id/activation-codes', async (request, reply) => {
    const { id = '' } = request.params as Params;
    if (!getPartner(region, id)) return send(reply, notFound(`partner ${id}`));
    return send(reply, jsonAnswer(201, { activationCode: newActivationCode(region, id) }));
  });

  app.patch('/admin/partners/:id', async (request, reply) => {
    const body = parse(AdminPatchPartnerBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    return send(reply, outcomeAnswer(patchPartner(region, (request.params as Params).id ?? '', body.value)));
  });

  app.post('/admin/beneficiaries', async (request, reply) => {
    const body = parse(AdminBeneficiaryBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    return send(reply, outcomeAnswer(createBeneficiary(region, body.value), 201));
  });

  app.get('/admin/beneficiaries/:id', async (request, reply) => {
    const { id = '' } = request.params as Params;
    const b = getBeneficiary(region, id);
    return send(
      reply,
      b ? jsonAnswer(200, { ...b, wallets: walletsOf(region, id) }) : notFound(`beneficiary ${id}`),
    );
  });

  app.patch('/admin/beneficiaries/:id', async (request, reply) => {
    const body = parse(AdminPatchBeneficiaryBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const { id = '' } = request.params as Params;
    if (!setMembership(region, id, body.value.membership)) return send(reply, notFound(`beneficiary ${id}`));
    return send(reply, jsonAnswer(200, { ...getBeneficiary(region, id), wallets: walletsOf(region, id) }));
  });

  app.post('/admin/tokens/pass', async (request, reply) => {
    const body = parse(AdminMintPassBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const b = getBeneficiary(region, body.value.beneficiaryId);
    if (!b) return send(reply, notFound(`beneficiary ${body.value.beneficiaryId}`));
    const iat = body.value.iat ?? Math.floor(region.now() / 1000);
    const wallets = walletsOf(region, b.id);
    const snapshot = Object.fromEntries(
      WALLETS.map((w) => [w, Math.max(0, wallets.find((x) => x.wallet === w)?.balanceCents ?? 0)]),
    ) as Record<(typeof WALLETS)[number], number>;
    const token = mintPassToken(
      {
        sub: b.id,
        iat,
        exp: iat + (body.value.ttlSeconds ?? 300),
        season: b.season,
        givenName: b.givenName,
        familyName: b.familyName,
        birthDate: b.birthDate,
        balances: snapshot,
      },
      region.keys.signingKey(),
    );
    return send(reply, jsonAnswer(201, { token }));
  });

  app.post('/admin/coupons', async (request, reply) => {
    const body = parse(AdminCouponBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    return send(reply, outcomeAnswer(createCoupon(region, body.value), 201));
  });

  app.post('/admin/coupons/:id/cancel', async (request, reply) =>
    send(reply, outcomeAnswer(cancelCoupon(region, (request.params as Params).id ?? ''))),
  );

  app.post('/admin/offers', async (request, reply) => {
    const body = parse(AdminOfferBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    return send(reply, outcomeAnswer(createOffer(region, body.value), 201));
  });

  app.post('/admin/offers/:id/participants', async (request, reply) => {
    const body = parse(AdminParticipantBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    return send(
      reply,
      outcomeAnswer(addParticipant(region, (request.params as Params).id ?? '', body.value), 201),
    );
  });

  app.patch('/admin/debits/:id', async (request, reply) => {
    const body = parse(AdminRedateDebitBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    return send(
      reply,
      outcomeAnswer(redateDebit(region, (request.params as Params).id ?? '', body.value.occurredAt)),
    );
  });

  app.post('/admin/months/:month/close', async (request, reply) => {
    const month = parse(MonthParam, (request.params as Params).month);
    if (!month.ok) return send(reply, problemAnswer(month.problem));
    return send(reply, outcomeAnswer(closeMonth(region, month.value)));
  });

  app.post('/admin/months/:month/pay', async (request, reply) => {
    const month = parse(MonthParam, (request.params as Params).month);
    if (!month.ok) return send(reply, problemAnswer(month.problem));
    const body = parse(AdminPayBody, request.body ?? {});
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    return send(reply, outcomeAnswer(payMonth(region, month.value, body.value.paidAt)));
  });

  // The auditor's view of a till: what the Region holds about it, none of it taken from the till's word
  // at audit time (anchors as received, conflicts, declared restores, archive keys with their validity).
  app.get('/admin/devices/:id', async (request, reply) => {
    const { id = '' } = request.params as Params;
    const device = getDevice(region, id);
    if (!device) return send(reply, notFound(`device ${id}`));
    const anchors = allAnchors(region, id);
    return send(
      reply,
      jsonAnswer(200, {
        device,
        partner: getPartner(region, device.partnerId),
        archiveKeys: archiveKeyState(region, id).keys,
        anchors,
        conflicts: anchors.filter((a) => a.conflict),
        restores: anchors.filter((a) => a.kind === 'restore' && !a.conflict),
      }),
    );
  });

  app.get('/admin/ledger', async (_request, reply) =>
    send(reply, jsonAnswer(200, { items: ledger(region) })),
  );

  app.get('/admin/clock', async (_request, reply) => send(reply, jsonAnswer(200, { now: region.nowIso() })));

  app.put('/admin/clock', async (request, reply) => {
    const body = parse(AdminClockBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    region.settings.setClock(body.value.now === null ? null : Date.parse(body.value.now));
    return send(reply, jsonAnswer(200, { now: region.nowIso(), fixed: body.value.now !== null }));
  });

  app.put('/admin/faults', async (request, reply) => {
    const body = parse(AdminFaultsBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const faults = FaultsSchema.parse(body.value);
    region.settings.setFaults(faults);
    return send(reply, jsonAnswer(200, faults));
  });

  app.put('/admin/offline', async (request, reply) => {
    const body = parse(AdminOfflineBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const policy = { ...region.settings.offline, ...body.value };
    region.settings.setOffline(policy);
    return send(reply, jsonAnswer(200, policy));
  });

  app.post('/admin/keys/rotate', async (_request, reply) =>
    send(reply, jsonAnswer(201, { key: region.keys.rotate(region.nowIso()) })),
  );

  app.delete('/admin/keys/:kid', async (request, reply) => {
    const { kid = '' } = request.params as Params;
    if (region.keys.publicKeys().length <= 1)
      return send(reply, outcomeAnswer(refuse('VALIDATION_FAILED', 'cannot retire the last key', 409)));
    return send(
      reply,
      region.keys.retire(kid, region.nowIso()) ? jsonAnswer(200, { retired: kid }) : notFound(`key ${kid}`),
    );
  });
}
