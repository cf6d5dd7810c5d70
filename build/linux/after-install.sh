#!/bin/sh
# deb post-install: make the new udev rule for the QR scanners take effect without a reboot.
# Never fails the installation: a till without hot-plug rules still works with a keyboard-mode scanner.
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules >/dev/null 2>&1 || true
  udevadm trigger --subsystem-match=hidraw --subsystem-match=usb >/dev/null 2>&1 || true
fi
exit 0
