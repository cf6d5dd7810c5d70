// What the core answers the shell's updater (main/shell/updater.ts decides from it), built from the handler
// group's own deps: a real journal, the scans and the status as the till would report them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffView, TillStatus } from '../../../preload/contract';
import { EventBus } from '../event-bus';
import { tempJournal, type TempJournal } from '../../../test/support/journal-fixtures';
import { updateHandlers, type UpdateHandlerDeps } from './update-handlers';

const cashier: StaffView = { id: 'S-karim', name: 'Karim Haddad', role: 'cashier' };

const idle: TillStatus = {
  enrolled: true,
  regionUrl: 'https://region.example',
  deviceId: 'D-1',
  deviceName: 'Caisse 1',
  partner: null,
  online: true,
  pendingCount: 0,
  staff: null,
  offlinePolicy: null,
  clockSkewMs: null,
  deviceSecret: 'ok',
  secretProtection: { store: 'owner-only-file', reason: 'NO_OS_KEYCHAIN' },
};

describe('update handlers', () => {
  let t: TempJournal;
  let status: TillStatus;
  let openScans: boolean;
  let deps: UpdateHandlerDeps;

  beforeEach(() => {
    t = tempJournal();
    status = idle;
    openScans = false;
    deps = {
      journal: t.journal,
      status: () => status,
      events: new EventBus(),
      cashierId: () => status.staff?.id ?? 'system',
      scans: { hasOpenScans: () => openScans },
    };
  });
  afterEach(() => t.cleanup());

  it('tells the updater whether a sale is under way, what awaits the Region, the last closed day and the role', async () => {
    const handlers = updateHandlers(deps);
    expect(await handlers['update.readiness']({})).toEqual({
      saleInProgress: false,
      pendingCount: 0,
      lastDayClosedAt: null,
      role: 'none',
    });

    const closed = t.journal.closeDay('2024-05-14', null);
    status = { ...idle, pendingCount: 2, staff: cashier };
    openScans = true;
    expect(await handlers['update.readiness']({})).toEqual({
      saleInProgress: true,
      pendingCount: 2,
      lastDayClosedAt: closed.at,
      role: 'cashier',
    });
  });

  it('keeps the feed a manager sets, and passes "install now" to the shell with who asked', async () => {
    const handlers = updateHandlers(deps);
    const heard: unknown[] = [];
    deps.events.subscribe((event, payload) => heard.push({ event, payload }));

    expect(await handlers['update.feed']({})).toEqual({ feedUrl: null });
    await handlers['update.configure']({ feedUrl: 'https://updates.example/atouts' });
    expect(await handlers['update.feed']({})).toEqual({ feedUrl: 'https://updates.example/atouts' });

    status = { ...idle, staff: cashier };
    expect(await handlers['update.installNow']({})).toEqual({ requested: true });
    expect(heard).toEqual([{ event: 'update', payload: { action: 'install-now', by: cashier.id } }]);
  });
});
