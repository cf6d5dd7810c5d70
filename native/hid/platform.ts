// What each OS lets the till do with a USB scanner, for the settings screen.

export type HidPlatformNoteCode = 'WINDOWS_KEYBOARD_CLASS' | 'LINUX_UDEV_RULE';

export interface HidPlatformSupport {
  /** Whether a scanner in keyboard mode can be read over HID (not only typed through the OS). */
  canOpenKeyboardScanners: boolean;
  notes: HidPlatformNoteCode[];
}

/**
 * Windows keeps keyboard-class HID devices for itself: an app cannot open them, so a scanner in
 * keyboard mode reaches the till only as typed keys (the keyboard-wedge path). HID POS scanners open fine.
 */
export function hidPlatformSupport(platform: string): HidPlatformSupport {
  if (platform === 'win32') return { canOpenKeyboardScanners: false, notes: ['WINDOWS_KEYBOARD_CLASS'] };
  if (platform === 'linux') return { canOpenKeyboardScanners: true, notes: ['LINUX_UDEV_RULE'] };
  return { canOpenKeyboardScanners: true, notes: [] };
}
