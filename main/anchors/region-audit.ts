// The auditor's way to check a till without trusting it: the Region's record of a device (its archive keys
// with their validity, every anchor it received), read with the Region's admin key — not the till's token,
// not the till's files.
import { z } from 'zod';
import { AnchorItem, ArchiveKeyRecord } from '../../protocol/anchors';

const DeviceAuditView = z.object({
  device: z.object({ id: z.string() }).passthrough(),
  archiveKeys: z.array(ArchiveKeyRecord),
  anchors: z.array(AnchorItem),
});
export type DeviceAuditView = z.infer<typeof DeviceAuditView>;

export type AuditFetch = (
  url: string,
  init: { headers: Record<string, string> },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** `GET /admin/devices/{id}`; throws a sentence naming what failed (the CLI prints it). */
export async function fetchDeviceAudit(
  regionUrl: string,
  adminKey: string,
  deviceId: string,
  fetchImpl: AuditFetch = fetch,
): Promise<DeviceAuditView> {
  const url = `${regionUrl.replace(/\/$/, '')}/admin/devices/${encodeURIComponent(deviceId)}`;
  const res = await fetchImpl(url, { headers: { 'x-admin-key': adminKey, accept: 'application/json' } });
  if (!res.ok) throw new Error(`the Region answered ${res.status} for device ${deviceId}`);
  const parsed = DeviceAuditView.safeParse(await res.json());
  if (!parsed.success)
    throw new Error(`the Region's record of device ${deviceId} is not in the expected shape`);
  return parsed.data;
}
