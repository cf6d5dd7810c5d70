// settings.* and scanner.*: the till's preferences, the USB scanners the core reads (HID), and the last
// scan's duration per source so a partner sees when a keyboard-wedge scanner is slow.
import type { ScanSource, ScanStatsView, ScannerDeviceView, SettingsView } from '../../../preload/contract';
import { hidPlatformSupport, HidScannerService, type HidBackend, type ScanRead } from '../../../native/hid';
import type { JsonValue } from '../../journal/journal';
import type { Handlers } from '../../transport/dispatch';
import type { TillContext } from '../context';
import { patchSettings } from './settings-patch';

type SettingsCalls = 'settings.get' | 'settings.set' | 'scanner.devices' | 'scanner.stats' | 'scanner.report';

const SETTINGS_KEY = 'till.settings';
const DEFAULTS: SettingsView = { language: 'fr', sounds: true, hidDevicePath: null, webcamDeviceId: null };

export interface ScannerWiring {
  handlers: Pick<Handlers, SettingsCalls>;
  stop(): void;
}

export type SettingsHandlerDeps = Pick<TillContext, 'journal' | 'now' | 'events' | 'log'>;

export function settingsHandlers(
  ctx: SettingsHandlerDeps,
  hidBackend: HidBackend | null,
  platform = process.platform,
): ScannerWiring {
  const lastBySource: ScanStatsView['lastBySource'] = {};
  const note = (source: ScanSource, durationMs: number, chars: number) => {
    lastBySource[source] = { durationMs, chars, at: new Date(ctx.now()).toISOString() };
  };
  const read = (): SettingsView => ({
    ...DEFAULTS,
    ...(ctx.journal.settings.get<Partial<SettingsView>>(SETTINGS_KEY) ?? {}),
  });

  const hid = hidBackend
    ? new HidScannerService({
        backend: hidBackend,
        now: () => ctx.now(),
        platform,
        onScan: (scan: ScanRead) => {
          note(scan.source, scan.durationMs, scan.text.length);
          ctx.events.emit('scan', scan);
        },
        onError: (error) => ctx.log('hid scanner', { code: error.code, detail: error.detail }),
      })
    : null;
  if (hid) {
    hid.select(read().hidDevicePath);
    hid.start();
  }
  const support = hidPlatformSupport(platform);

  return {
    stop: () => hid?.stop(),
    handlers: {
      'settings.get': () => read(),
      'settings.set': (input) => {
        const next = patchSettings(read(), input);
        ctx.journal.settings.set(SETTINGS_KEY, next as unknown as JsonValue);
        if (input.hidDevicePath !== undefined) hid?.select(next.hidDevicePath);
        return next;
      },
      'scanner.devices': (): ScannerDeviceView[] =>
        (hid?.list() ?? []).map((d) => ({
          path: d.path,
          vendorId: d.vendorId,
          productId: d.productId,
          product: d.product ?? '',
          manufacturer: d.manufacturer ?? '',
          mode: d.kind === 'pos' ? 'hid-pos' : 'hid-keyboard',
          openable: d.kind === 'pos' || support.canOpenKeyboardScanners,
          connected: d.open,
        })),
      'scanner.stats': () => ({
        lastBySource: { ...lastBySource },
        platformNotes: [...support.notes],
      }),
      'scanner.report': (input) => {
        note(input.source, input.durationMs, input.chars);
        return null;
      },
    },
  };
}
