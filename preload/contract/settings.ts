// The till's settings and its scanners.
import { z } from 'zod';
import { call } from './define';
import { emptyInput, scanSourceSchema, type ScanSource } from './schemas';

export interface SettingsView {
  language: 'fr' | 'en';
  sounds: boolean;
  /** Which scanner paths are on; the keyboard wedge and pasted text always are. */
  hidDevicePath: string | null;
  webcamDeviceId: string | null;
}

export interface ScannerDeviceView {
  path: string;
  vendorId: number;
  productId: number;
  product: string;
  manufacturer: string;
  mode: 'hid-pos' | 'hid-keyboard';
  /** False where the OS will not let an app open it (keyboard-class devices on Windows). */
  openable: boolean;
  connected: boolean;
}

export const HID_PLATFORM_NOTES = ['WINDOWS_KEYBOARD_CLASS', 'LINUX_UDEV_RULE'] as const;
export type HidPlatformNote = (typeof HID_PLATFORM_NOTES)[number];

export interface ScanStatsView {
  /** The last scan's duration per source, so a slow keyboard-wedge scanner shows. */
  lastBySource: Partial<Record<ScanSource, { durationMs: number; at: string; chars: number }>>;
  /** What this OS lets the till do with USB scanners, as codes: the UI owns the words (settings.platformNote.*). */
  platformNotes: HidPlatformNote[];
}

export const settingsCalls = {
  'settings.get': call<SettingsView>()(emptyInput, 'none'),
  'settings.set': call<SettingsView>()(
    z
      .object({
        language: z.enum(['fr', 'en']).optional(),
        sounds: z.boolean().optional(),
        hidDevicePath: z.string().max(512).nullable().optional(),
        webcamDeviceId: z.string().max(512).nullable().optional(),
      })
      .strict(),
    'manager',
  ),
  'scanner.devices': call<ScannerDeviceView[]>()(emptyInput, 'cashier'),
  'scanner.stats': call<ScanStatsView>()(emptyInput, 'cashier'),
  /** A scan made in the page (wedge, webcam) is reported for the per-source statistics. */
  'scanner.report': call<null>()(
    z
      .object({
        source: scanSourceSchema,
        durationMs: z.number().min(0).max(600_000),
        chars: z.number().int().min(0).max(4096),
      })
      .strict(),
    'cashier',
  ),
};
