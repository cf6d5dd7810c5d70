// The calls most stories through the real till core begin with, on any till that dispatches the contract
// (createTill's, a served till's): enrolment for a new partner of the Region with its manager logged in,
// and the counter's sale, a pass scanned then a debit submitted on its card.
import type { Dispatch } from '../../main/transport/dispatch';
import type { Category } from '../../protocol/catalogue';
import type { DebitOutcome, DebitRequest, ScanOutcome, StaffView, TillStatus } from '../../preload/contract';
import type { RegionHandle } from './region-server';

interface Dispatching {
  dispatch: Dispatch;
}

/** A call that must succeed: its value, or a thrown error naming the call and its code. */
export async function must<T>(till: Dispatching, name: string, input: unknown): Promise<T> {
  const r = await till.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.detail ?? ''}`.trimEnd());
  return r.value as T;
}

/** Logs the till's first manager in: after enrolment, or after the till is opened again. */
export async function logInManager(till: Dispatching, pin: string): Promise<string> {
  const staff = await must<StaffView[]>(till, 'staff.list', {});
  const manager = staff.find((s) => s.role === 'manager');
  if (!manager) throw new Error('no manager');
  await must(till, 'staff.login', { staffId: manager.id, pin });
  return manager.id;
}

export interface Enrolment {
  partnerName: string;
  accreditations?: Category[];
  deviceName?: string;
  managerName?: string;
  pin: string;
}

/** A new partner at the Region (CINEMA unless told), and the till enrolled for it with its manager (Claire unless told). */
export async function enrol(
  till: Dispatching,
  region: RegionHandle,
  opts: Enrolment,
): Promise<{ partnerId: string; deviceId: string }> {
  const partner = await region.admin.createPartner({
    name: opts.partnerName,
    siret: '12345678900011',
    accreditations: opts.accreditations ?? ['CINEMA'],
  });
  const status = await must<TillStatus>(till, 'till.enroll', {
    regionUrl: region.url,
    partnerId: partner.id,
    activationCode: partner.activationCode,
    deviceName: opts.deviceName ?? 'Caisse',
    managerName: opts.managerName ?? 'Claire',
    managerPin: opts.pin,
  });
  return { partnerId: partner.id, deviceId: status.deviceId ?? '' };
}

/** Enrolled as `enrol` does, then the manager logged in. */
export async function enrolAndLogIn(
  till: Dispatching,
  region: RegionHandle,
  opts: Enrolment,
): Promise<{ partnerId: string; deviceId: string; managerId: string }> {
  const enrolled = await enrol(till, region, opts);
  return { ...enrolled, managerId: await logInManager(till, opts.pin) };
}

export type Sale = Omit<DebitRequest, 'scanId' | 'category' | 'item'> &
  Partial<Pick<DebitRequest, 'category' | 'item'>>;

/**
 * The counter's sale in its two calls: the pass scanned as pasted, then the debit submitted on its card (a
 * cinema seat unless told); the outcome as the till gives it, pending included. A refused scan throws.
 */
export async function sell(till: Dispatching, token: string, sale: Sale): Promise<DebitOutcome> {
  const scan = await must<ScanOutcome>(till, 'pass.scan', { text: token, source: 'paste' });
  if (scan.kind !== 'pass') throw new Error(`scan: ${scan.kind}`);
  return must<DebitOutcome>(till, 'debit.submit', {
    scanId: scan.card.scanId,
    category: 'CINEMA',
    item: 'SEANCE',
    ...sale,
  });
}
