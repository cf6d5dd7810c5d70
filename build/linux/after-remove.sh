#!/bin/sh
# deb post-remove: forget the scanner rule. The till's data in the users' ~/.config is left in place:
# it is the partner's evidence and is removed deliberately, not by an uninstall (docs/packaging.md).
if command -v udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules >/dev/null 2>&1 || true
fi
exit 0
