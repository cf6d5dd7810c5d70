// `npm run region -- <command> [--flags]`: the admin calls for people. Talks to a running reference
// server at --url (or REGION_URL) with --admin-key (or REGION_ADMIN_KEY).
import QRCode from 'qrcode';
import { AdminClient, AdminError } from '../admin-client';
import type { Category } from '../admin-client';
import { readFlags } from './args';
import { encodeActivation } from '../../protocol/activation-qr';

const USAGE = `usage: npm run region -- <command> [--url URL] [--admin-key KEY]
  create-partner      --name N --siret 14DIGITS --accreditations CINEMA,SPECTACLE,SPORT,ARTISTIC,LOCAL
  activation-code     --partner P [--qr] [--png FILE] [--public-url URL]   (--qr/--png: the activation QR code, docs/activation-qr.md)
  patch-partner       --partner P [--accreditations A,B] [--status active|suspended]
  create-beneficiary  --given-name G --family-name F --birth-date YYYY-MM-DD [--season N] [--joined-at ISO]
                      [--lyceen] [--atouts-livre] [--membership active|inactive]   (15–25, or a lycée pupil under 15 with Atouts Livre)
  beneficiary         --id B
  device              --id D   (the auditor's view: archive keys, anchors, conflicts, restores)
  mint-pass           --beneficiary B [--ttl SECONDS] [--png FILE]   (prints a terminal QR code, writes a PNG)
  create-coupon       --beneficiary B --partner P --category SPORT|ARTISTIC --amount CENTS [--expires-at ISO]
  cancel-coupon       --id C
  create-offer        --partner P --title T --starts-at ISO --ends-at ISO --places N --designation registration|draw|invitation
  add-participant     --offer O --beneficiary B [--status registered|winner|cancelled]
  close-month         YYYY-MM
  pay-month           YYYY-MM [--paid-at ISO]
  clock               ISO | real
  faults              [--latency-ms N] [--error-rate 0..1] [--drop-after-commit-rate 0..1]   (unset ones go to 0)
  offline             [--enabled true|false] [--floor-limit-cents N] [--max-offline-hours N]
  rotate-key
  ledger`;

class UsageError extends Error {}

function need(flags: Map<string, string>, name: string): string {
  const value = flags.get(name);
  if (value === undefined || value === 'true') throw new UsageError(`--${name} is required`);
  return value;
}

function optionalNumber(flags: Map<string, string>, name: string): number | undefined {
  const value = flags.get(name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number`);
  return n;
}

const list = (value: string): Category[] => value.split(',').map((s) => s.trim().toUpperCase()) as Category[];

async function mintPass(admin: AdminClient, flags: Map<string, string>): Promise<unknown> {
  const beneficiaryId = need(flags, 'beneficiary');
  const ttl = optionalNumber(flags, 'ttl');
  const token = await admin.mintPass({ beneficiaryId, ...(ttl ? { ttlSeconds: ttl } : {}) });
  const png = flags.get('png') ?? `pass-${beneficiaryId}.png`;
  await showQr(token, png);
  return { token, png };
}

/**
 * A QR code of `text` in the terminal, and written as a PNG when `png` names one. Medium error correction
 * and a wide quiet zone: read from a phone screen under a webcam.
 */
async function showQr(text: string, png?: string): Promise<void> {
  if (png) await QRCode.toFile(png, text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
  process.stdout.write(
    await QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'M' }),
  );
}

/** The Region's address as tills reach it (it may differ from the admin's --url, e.g. behind a proxy). */
function publicUrl(flags: Map<string, string>): string {
  return (flags.get('public-url') ?? flags.get('url') ?? process.env.REGION_URL ?? '').replace(/\/$/, '');
}

/** The activation QR code (protocol/activation-qr.ts): in the terminal, and as a PNG when asked. */
async function printActivation(
  regionUrl: string,
  partnerId: string,
  activationCode: string,
  png: string | undefined,
): Promise<{ activationQr: string; png?: string }> {
  const text = encodeActivation({ regionUrl, partnerId, activationCode });
  await showQr(text, png);
  return png ? { activationQr: text, png } : { activationQr: text };
}

async function run(
  command: string,
  args: string[],
  flags: Map<string, string>,
  admin: AdminClient,
): Promise<unknown> {
  switch (command) {
    case 'create-partner':
      return admin.createPartner({
        name: need(flags, 'name'),
        siret: need(flags, 'siret'),
        accreditations: list(need(flags, 'accreditations')),
      });
    case 'activation-code': {
      const partnerId = need(flags, 'partner');
      const answer = await admin.newActivationCode(partnerId);
      if (!flags.has('qr') && !flags.has('png')) return answer;
      return {
        ...answer,
        ...(await printActivation(publicUrl(flags), partnerId, answer.activationCode, flags.get('png'))),
      };
    }
    case 'patch-partner': {
      const accreditations = flags.get('accreditations');
      const status = flags.get('status');
      return admin.patchPartner(need(flags, 'partner'), {
        ...(accreditations ? { accreditations: list(accreditations) } : {}),
        ...(status === 'active' || status === 'suspended' ? { status } : {}),
      });
    }
    case 'create-beneficiary': {
      const season = optionalNumber(flags, 'season');
      const membership = flags.get('membership');
      const joinedAt = flags.get('joined-at');
      return admin.createBeneficiary({
        givenName: need(flags, 'given-name'),
        familyName: need(flags, 'family-name'),
        birthDate: need(flags, 'birth-date'),
        ...(season ? { season } : {}),
        ...(joinedAt ? { joinedAt } : {}),
        ...(flags.get('lyceen') === 'true' ? { lyceen: true } : {}),
        ...(flags.get('atouts-livre') === 'true' ? { atoutsLivreEligible: true } : {}),
        ...(membership === 'active' || membership === 'inactive' ? { membership } : {}),
      });
    }
    case 'beneficiary':
      return admin.beneficiary(need(flags, 'id'));
    case 'device':
      return admin.device(need(flags, 'id'));
    case 'mint-pass':
      return mintPass(admin, flags);
    case 'create-coupon': {
      const category = need(flags, 'category').toUpperCase();
      if (category !== 'SPORT' && category !== 'ARTISTIC')
        throw new UsageError('--category is SPORT or ARTISTIC');
      const expiresAt = flags.get('expires-at');
      return admin.createCoupon({
        beneficiaryId: need(flags, 'beneficiary'),
        partnerId: need(flags, 'partner'),
        category,
        amountCents: Number(need(flags, 'amount')),
        ...(expiresAt ? { expiresAt } : {}),
      });
    }
    case 'cancel-coupon':
      return admin.cancelCoupon(need(flags, 'id'));
    case 'create-offer': {
      const designation = need(flags, 'designation');
      if (designation !== 'registration' && designation !== 'draw' && designation !== 'invitation')
        throw new UsageError('--designation is registration, draw or invitation');
      return admin.createOffer({
        partnerId: need(flags, 'partner'),
        title: need(flags, 'title'),
        startsAt: need(flags, 'starts-at'),
        endsAt: need(flags, 'ends-at'),
        places: Number(need(flags, 'places')),
        designation,
      });
    }
    case 'add-participant': {
      const status = flags.get('status') ?? 'registered';
      if (status !== 'registered' && status !== 'winner' && status !== 'cancelled')
        throw new UsageError('--status is registered, winner or cancelled');
      return admin.addParticipant(need(flags, 'offer'), {
        beneficiaryId: need(flags, 'beneficiary'),
        status,
      });
    }
    case 'close-month':
      return admin.closeMonth(args[0] ?? need(flags, 'month'));
    case 'pay-month':
      return admin.payMonth(args[0] ?? need(flags, 'month'), flags.get('paid-at'));
    case 'clock': {
      const at = args[0] ?? need(flags, 'now');
      return admin.setClock(at === 'real' ? null : at);
    }
    case 'faults': {
      const latencyMs = optionalNumber(flags, 'latency-ms');
      const errorRate = optionalNumber(flags, 'error-rate');
      const dropAfterCommitRate = optionalNumber(flags, 'drop-after-commit-rate');
      return admin.setFaults({
        ...(latencyMs !== undefined ? { latencyMs } : {}),
        ...(errorRate !== undefined ? { errorRate } : {}),
        ...(dropAfterCommitRate !== undefined ? { dropAfterCommitRate } : {}),
      });
    }
    case 'offline': {
      const enabled = flags.get('enabled');
      const floorLimitCents = optionalNumber(flags, 'floor-limit-cents');
      const maxOfflineHours = optionalNumber(flags, 'max-offline-hours');
      return admin.setOfflinePolicy({
        ...(enabled !== undefined ? { enabled: enabled === 'true' } : {}),
        ...(floorLimitCents !== undefined ? { floorLimitCents } : {}),
        ...(maxOfflineHours !== undefined ? { maxOfflineHours } : {}),
      });
    }
    case 'rotate-key':
      return admin.rotateKey();
    case 'ledger':
      return admin.ledger();
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

async function main(): Promise<void> {
  const { flags, positional } = readFlags(process.argv.slice(2));
  const [command, ...args] = positional;
  if (!command || flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const url = flags.get('url') ?? process.env.REGION_URL;
  const adminKey = flags.get('admin-key') ?? process.env.REGION_ADMIN_KEY;
  if (!url || !adminKey)
    throw new UsageError('--url and --admin-key (or REGION_URL and REGION_ADMIN_KEY) are required');
  const result = await run(command, args, flags, new AdminClient(url.replace(/\/$/, ''), adminKey));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}\n`);
  else if (error instanceof AdminError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
