// till.status and till.enroll: the till's state and its enrolment with the Region.
import { TillError } from '../../../preload/contract';
import type { RegionOutcome } from '../../region/client';
import type { Handlers } from '../../transport/dispatch';
import type { AnchorService } from '../../anchors/anchor-service';
import type { RegionLink } from '../../region/region-link';
import type { StaffDirectory } from '../../staff/staff-directory';
import type { TillContext } from '../context';
import { archiveJwk, devicePublicKey } from '../../archive/device-key';

export function regionError(outcome: RegionOutcome<unknown>): TillError {
  if (outcome.kind === 'refused') return new TillError(outcome.code as TillError['code'], outcome.detail);
  return new TillError(
    'REGION_UNREACHABLE',
    outcome.kind === 'unknown' ? outcome.detail : `HTTP ${outcome.status}`,
  );
}

export type RefreshKeysDeps = Pick<TillContext, 'journal' | 'now' | 'observe' | 'publishStatus'> & {
  readonly link: Pick<RegionLink, 'authenticated' | 'config' | 'updatePartner' | 'saveKeys'>;
};

/**
 * Fetches the Region's keys and offline policy and keeps them durably, for offline verification; and the
 * partner's record, since the Region may grant or withdraw an accreditation (or suspend) at any time.
 */
export async function refreshKeys(ctx: RefreshKeysDeps): Promise<void> {
  const client = ctx.link.authenticated();
  if (!client) return;
  const partner = ctx.observe(await client.partner());
  if (partner.kind === 'ok') {
    const before = ctx.link.config()?.partner;
    ctx.link.updatePartner(partner.value);
    if (JSON.stringify(before) !== JSON.stringify(partner.value)) ctx.publishStatus();
  }
  const keys = ctx.observe(await client.keys());
  if (keys.kind !== 'ok') return;
  ctx.link.saveKeys(keys.value, new Date(ctx.now()).toISOString());
  ctx.journal.append({
    kind: 'KEYS_REFRESHED',
    cashierId: null,
    payload: { kids: keys.value.keys.map((k) => k.kid), offlineEnabled: keys.value.offline.enabled },
  });
}

/** Enrolment also seals the device token, registers the archive key and adds the first manager. */
export type TillHandlerDeps = Pick<TillContext, 'secrets' | 'status' | 'log'> &
  RefreshKeysDeps & {
    readonly link: Pick<RegionLink, 'anonymous' | 'saveEnrolment' | 'secretState'>;
    readonly anchors: Pick<AnchorService, 'archiveKeyRegistered'>;
    readonly staff: Pick<StaffDirectory, 'add' | 'authenticate'>;
  };

export function tillHandlers(
  ctx: TillHandlerDeps,
): Pick<Handlers, 'till.status' | 'till.enroll' | 'till.reenroll'> {
  return {
    'till.status': () => ctx.status(),
    'till.enroll': async (input) => {
      if (ctx.link.config()) throw new TillError('ALREADY_ENROLLED');
      // The archive-signing key is registered with the enrolment: archives verify against a key the Region lists.
      const archiveKey = archiveJwk(devicePublicKey(ctx.journal, ctx.secrets));
      const answer = ctx.observe(
        await ctx.link.anonymous(input.regionUrl).enroll({
          partnerId: input.partnerId,
          activationCode: input.activationCode,
          deviceName: input.deviceName,
          archiveKey: archiveKey.jwk,
        }),
      );
      if (answer.kind !== 'ok') throw regionError(answer);
      ctx.anchors.archiveKeyRegistered(archiveKey.keyId);
      const { deviceId, token, partner } = answer.value;
      ctx.journal.setDeviceId(deviceId);
      ctx.link.saveEnrolment(
        { url: input.regionUrl, deviceId, deviceName: input.deviceName, partner },
        token,
      );
      const manager = ctx.staff.add(input.managerName, 'manager', input.managerPin);
      ctx.journal.append({
        kind: 'ENROLLED',
        cashierId: null,
        payload: { deviceId, partnerId: partner.id, regionUrl: input.regionUrl, managerId: manager.id },
      });
      await refreshKeys(ctx);
      ctx.log('enrolled', { deviceId, partnerId: partner.id });
      ctx.publishStatus();
      return ctx.status();
    },
    'till.reenroll': async (input) => {
      const config = ctx.link.config();
      if (!config) throw new TillError('NOT_ENROLLED');
      if (ctx.link.secretState() !== 'unreadable') throw new TillError('ALREADY_ENROLLED');
      const manager = ctx.staff.authenticate(input.managerId, input.managerPin);
      if (manager.role !== 'manager') throw new TillError('ROLE_REQUIRED');
      // The same device at the same Region: the journal, its sequence and its chain go on unchanged.
      const answer = ctx.observe(
        await ctx.link.anonymous(config.url).enroll({
          partnerId: config.partner.id,
          activationCode: input.activationCode,
          deviceName: config.deviceName,
          deviceId: config.deviceId,
        }),
      );
      if (answer.kind !== 'ok') throw regionError(answer);
      if (answer.value.deviceId !== config.deviceId)
        throw new TillError('ALREADY_ENROLLED', `the Region answered device ${answer.value.deviceId}`);
      const { deviceId, url, deviceName } = config;
      ctx.link.saveEnrolment(
        { url, deviceId, deviceName, partner: answer.value.partner },
        answer.value.token,
      );
      ctx.journal.append({
        kind: 'ENROLLED',
        cashierId: manager.id,
        payload: {
          deviceId,
          partnerId: answer.value.partner.id,
          regionUrl: url,
          managerId: manager.id,
          reenrolment: true,
        },
      });
      await refreshKeys(ctx);
      ctx.log('enrolled again', { deviceId, partnerId: answer.value.partner.id });
      ctx.publishStatus();
      return ctx.status();
    },
  };
}
