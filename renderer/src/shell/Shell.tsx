// The counter's frame after login: the menu (F1–F6), the global scanner capture (keyboard wedge in the page,
// USB HID from the core), the idle lock, and the screen in front.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillStatus } from '../../../preload/contract';
import { useTill } from '../till-context';
import { createBeepPlayer, type Beep } from '../sound/beeps';
import { CounterScreen } from '../screens/CounterScreen';
import { CouponsScreen } from '../screens/CouponsScreen';
import { OffersScreen } from '../screens/OffersScreen';
import { JournalScreen } from '../screens/JournalScreen';
import { ClosuresScreen } from '../screens/ClosuresScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { OutingScreen } from '../screens/OutingScreen';
import { AvoirsScreen } from '../screens/AvoirsScreen';
import { ContestBanner } from '../components/ContestBanner';
import { ManageScreen } from '../screens/ManageScreen';
import { AboutScreen } from '../screens/AboutScreen';
import { ShellContext, type ScanInput, type ShellApi } from './shell-context';
import { LOCK_KEY, screenForKey, screensFor, type ScreenName } from './keys';
import { IDLE_LOCK_MINUTES, watchIdle } from './idle-lock';
import { useScanRouting } from './use-scan-routing';
import { MainNav } from './MainNav';

interface Props {
  status: TillStatus;
  refreshStatus: () => void;
  onLocked: (reason: 'idle' | 'manual') => void;
}

export function Shell({ status, refreshStatus, onLocked }: Props) {
  const { i18n } = useTranslation();
  const till = useTill();
  const [screen, setScreen] = useState<ScreenName>('counter');
  // F1 on the counter starts over at the scan: the way back from any stage without the mouse.
  const [counterRun, setCounterRun] = useState(0);
  const screenRef = useRef(screen);
  screenRef.current = screen;
  // Bons (F2) only on a till whose partner can hold coupons (keys.ts).
  const shown = screensFor(status.partner?.accreditations ?? [], status.staff?.role ?? 'cashier');
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const open = useCallback((next: ScreenName) => {
    if (next === 'counter' && screenRef.current === 'counter') setCounterRun((n) => n + 1);
    setScreen(next);
  }, []);
  // A scan that arrived on a screen that does not take scans: it opens the counter with it.
  const [pendingScan, setPendingScan] = useState<ScanInput | null>(null);
  const [pendingCoupon, setPendingCoupon] = useState<ScanInput | null>(null);
  const takeScan = useCallback(() => setPendingScan(null), []);
  const takeCoupon = useCallback(() => setPendingCoupon(null), []);
  const couponScanned = useCallback((scan: ScanInput) => {
    setPendingCoupon(scan);
    setScreen('coupons');
  }, []);
  const unclaimed = useCallback((scan: ScanInput) => {
    setPendingScan(scan);
    setScreen('counter');
  }, []);
  const setScanTarget = useScanRouting(unclaimed);
  const player = useMemo(() => createBeepPlayer(), []);

  useEffect(() => {
    void till.invoke('settings.get', {}).then((r) => {
      if (!r.ok) return;
      player.setEnabled(r.value.sounds);
      if (i18n.language !== r.value.language) void i18n.changeLanguage(r.value.language);
      document.documentElement.lang = r.value.language;
    });
  }, [till, player, i18n]);

  const lock = useCallback(
    (reason: 'idle' | 'manual') => {
      void till.invoke('staff.logout', {}).then(() => onLocked(reason));
    },
    [till, onLocked],
  );
  useEffect(() => watchIdle(window, IDLE_LOCK_MINUTES * 60_000, () => lock('idle')), [lock]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === LOCK_KEY) {
        e.preventDefault();
        lock('manual');
        return;
      }
      const next = screenForKey(e.key, shownRef.current);
      if (next) {
        e.preventDefault();
        open(next);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock, open]);

  const api: ShellApi = useMemo(
    () => ({
      status,
      refreshStatus,
      beep: (b: Beep) => player.play(b),
      setScanTarget,
      isManager: status.staff?.role === 'manager',
      applySettings: (settings) => player.setEnabled(settings.sounds),
    }),
    [status, refreshStatus, player, setScanTarget],
  );

  return (
    <ShellContext.Provider value={api}>
      <MainNav shown={shown} screen={screen} onOpen={open} onLock={() => lock('manual')} />
      {status.staff?.role === 'manager' && <ContestBanner key={screen} />}
      {screen === 'counter' && (
        <CounterScreen
          key={counterRun}
          initialScan={pendingScan}
          onInitialScanTaken={takeScan}
          onCouponScanned={couponScanned}
        />
      )}
      {screen === 'coupons' && <CouponsScreen initialScan={pendingCoupon} onInitialScanTaken={takeCoupon} />}
      {screen === 'offers' && <OffersScreen />}
      {screen === 'journal' && <JournalScreen />}
      {screen === 'closures' && <ClosuresScreen />}
      {screen === 'settings' && <SettingsScreen />}
      {screen === 'outing' && <OutingScreen />}
      {screen === 'avoirs' && <AvoirsScreen />}
      {screen === 'manage' && shown.includes('manage') && <ManageScreen />}
      {screen === 'about' && <AboutScreen />}
    </ShellContext.Provider>
  );
}
