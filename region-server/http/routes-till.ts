// The /v1/ routes a till calls (region-api.md), thin: authenticate, parse, call the domain, answer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { seasonOf } from '../../protocol/paris-time';
import { pageAnchors, recordAnchor } from '../domain/anchors';
import { archiveKeyState, registerArchiveKey } from '../domain/archive-keys';
import { listCoupons, redeemCoupon, resolveCoupon } from '../domain/coupons';
import { pageDebits, recordDebit, voidDebit } from '../domain/debits';
import { checkIn, listOffers, listParticipants } from '../domain/offers';
import { enrollDevice } from '../domain/partners';
import { resolvePass } from '../domain/passes';
import { ok, type Outcome } from '../domain/problem';
import type { Region } from '../domain/region';
import { listStatements, statementLines, statementOf } from '../domain/statements';
import type { WriteFinisher } from './problem-reply';
import { authenticate, parse } from './guards';
import { fingerprint, isFinal, once } from './idempotency';
import { jsonAnswer, outcomeAnswer, problemAnswer, send } from './problem-reply';
import type { Answer } from './problem-reply';
import {
  AnchorRequest,
  AnchorsQuery,
  ArchiveKeyPut,
  CheckinBody,
  CouponResolveBody,
  CouponsQuery,
  DebitBody,
  DebitsQuery,
  EnrollBody,
  MonthParam,
  CouponRedeemBody,
  ResolvePassBody,
  VoidBody,
} from './schemas';

type Params = Record<string, string>;

export function registerTillRoutes(app: FastifyInstance, region: Region, finishWrite: WriteFinisher): void {
  /**
   * A till's write, answered once per request id (idempotency.ts): the same id with the same route, owner
   * and body gets the stored answer again, and the write commits together with the record of its answer.
   */
  const writeOnce = async <T>(
    request: FastifyRequest,
    reply: FastifyReply,
    key: { route: string; ownerId: string; body: { id: string } },
    successStatus: number,
    write: () => Outcome<T>,
    final?: (a: Answer) => boolean,
  ): Promise<FastifyReply> => {
    const print = fingerprint(key.route, key.ownerId, key.body);
    return finishWrite(
      request,
      reply,
      await region.commits.submit(() => once(region, key.body.id, print, successStatus, write, final)),
    );
  };

  app.get('/v1/health', async (_request, reply) =>
    send(reply, jsonAnswer(200, { status: 'ok', time: region.nowIso() })),
  );

  app.post('/v1/devices/enroll', async (request, reply) => {
    const body = parse(EnrollBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    return send(reply, outcomeAnswer(enrollDevice(region, body.value), 201));
  });

  app.post('/v1/devices/anchors', async (request, reply) => {
    // Evidence keeps flowing while a partner is suspended: anchoring spends nothing.
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const body = parse(AnchorRequest, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const { device } = till.value;
    const storedWithConflicts = (a: Answer): boolean => isFinal(a) || a.status === 409;
    return writeOnce(
      request,
      reply,
      { route: 'POST /v1/devices/anchors', ownerId: device.id, body: body.value },
      201,
      () => recordAnchor(region, device, body.value),
      storedWithConflicts,
    );
  });

  app.get('/v1/devices/anchors', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const query = parse(AnchorsQuery, request.query);
    if (!query.ok) return send(reply, problemAnswer(query.problem));
    return send(
      reply,
      jsonAnswer(200, pageAnchors(region, till.value.device.id, query.value.fromSeq, query.value.limit)),
    );
  });

  app.get('/v1/devices/archive-key', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    return send(reply, jsonAnswer(200, archiveKeyState(region, till.value.device.id)));
  });

  app.put('/v1/devices/archive-key', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const body = parse(ArchiveKeyPut, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const deviceId = till.value.device.id;
    return send(
      reply,
      outcomeAnswer(await region.commits.submit(() => registerArchiveKey(region, deviceId, body.value.jwk))),
    );
  });

  app.get('/v1/partner', async (request, reply) => {
    const till = authenticate(region, request);
    return send(reply, till.ok ? jsonAnswer(200, till.value.partner) : problemAnswer(till.problem));
  });

  app.get('/v1/keys', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const year = seasonOf(region.now());
    return send(
      reply,
      jsonAnswer(200, {
        keys: region.keys.publicKeys(),
        offline: region.settings.offline,
        season: { year, start: `${year}-07-01`, end: `${year + 1}-06-30` },
      }),
    );
  });

  app.post('/v1/passes/resolve', async (request, reply) => {
    const till = authenticate(region, request, true);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const body = parse(ResolvePassBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    return send(reply, outcomeAnswer(resolvePass(region, body.value.token)));
  });

  app.post('/v1/debits', async (request, reply) => {
    const till = authenticate(region, request, true);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const body = parse(DebitBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const { device, partner } = till.value;
    return writeOnce(
      request,
      reply,
      { route: 'POST /v1/debits', ownerId: partner.id, body: body.value },
      201,
      () => recordDebit(region, device, partner, body.value),
    );
  });

  app.post('/v1/debits/:debitId/void', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const body = parse(VoidBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const { debitId = '' } = request.params as Params;
    const { partner } = till.value;
    return writeOnce(
      request,
      reply,
      { route: `POST /v1/debits/${debitId}/void`, ownerId: partner.id, body: body.value },
      200,
      () => voidDebit(region, partner, debitId, body.value),
    );
  });

  app.get('/v1/debits', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const query = parse(DebitsQuery, request.query);
    if (!query.ok) return send(reply, problemAnswer(query.problem));
    const q = query.value;
    const page = pageDebits(region, till.value.partner.id, {
      fromMs: q.from ? Date.parse(q.from) : 0,
      toMs: q.to ? Date.parse(q.to) : 8.64e15,
      cursor: q.cursor,
      limit: q.limit,
    });
    return send(reply, outcomeAnswer(page));
  });

  app.get('/v1/coupons', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const query = parse(CouponsQuery, request.query);
    if (!query.ok) return send(reply, problemAnswer(query.problem));
    return send(
      reply,
      jsonAnswer(200, { items: listCoupons(region, till.value.partner, query.value.status) }),
    );
  });

  app.post('/v1/coupons/resolve', async (request, reply) => {
    const till = authenticate(region, request, true);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const body = parse(CouponResolveBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const coupon = resolveCoupon(region, till.value.partner, body.value);
    return send(reply, outcomeAnswer(coupon.ok ? ok({ coupon: coupon.value }) : coupon));
  });

  app.post('/v1/coupons/:couponId/redeem', async (request, reply) => {
    const till = authenticate(region, request, true);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const body = parse(CouponRedeemBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const { couponId = '' } = request.params as Params;
    const { device, partner } = till.value;
    return writeOnce(
      request,
      reply,
      { route: `POST /v1/coupons/${couponId}/redeem`, ownerId: partner.id, body: body.value },
      201,
      () => redeemCoupon(region, device, partner, couponId, body.value),
    );
  });

  app.get('/v1/offers', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    return send(reply, jsonAnswer(200, listOffers(region, till.value.partner)));
  });

  app.get('/v1/offers/:offerId/participants', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const { offerId = '' } = request.params as Params;
    return send(reply, outcomeAnswer(listParticipants(region, till.value.partner, offerId)));
  });

  app.post('/v1/offers/:offerId/checkins', async (request, reply) => {
    const till = authenticate(region, request, true);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const body = parse(CheckinBody, request.body);
    if (!body.ok) return send(reply, problemAnswer(body.problem));
    const { offerId = '' } = request.params as Params;
    const { partner } = till.value;
    return writeOnce(
      request,
      reply,
      { route: `POST /v1/offers/${offerId}/checkins`, ownerId: partner.id, body: body.value },
      201,
      () => checkIn(region, partner, offerId, body.value),
    );
  });

  app.get('/v1/statements', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    return send(reply, jsonAnswer(200, listStatements(region, till.value.partner.id)));
  });

  app.get('/v1/statements/:month', async (request, reply) => {
    const till = authenticate(region, request);
    if (!till.ok) return send(reply, problemAnswer(till.problem));
    const month = parse(MonthParam, (request.params as Params).month);
    if (!month.ok) return send(reply, problemAnswer(month.problem));
    const partnerId = till.value.partner.id;
    return send(
      reply,
      jsonAnswer(200, {
        ...statementOf(region, partnerId, month.value),
        lines: statementLines(region, partnerId, month.value),
      }),
    );
  });
}
