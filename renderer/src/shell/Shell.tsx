// The counter's frame after login: the menu (F1–F6), the global scanner capture (keyboard wedge in the page,
// USB HID from the core), the idle lock, and the screen in front.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TillStatus } from '../../../preload/contract';
import { useTill } from '../till-context';
import { createWedgeCapture } from '../scan/wedge-capture';
import { dedupeScans } from '../scan/dedupe';
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
import { ShellContext, type ScanInput, type ScanTarget, type ShellApi } from './shell-context';
import { LOCK_KEY, keyForScreen, screenForKey, screensFor, type ScreenName } from './keys';
import { IDLE_LOCK_MINUTES, watchIdle } from './idle-lock';

interface Props {
  status: TillStatus;
  refreshStatus: () => void;
  onLocked: (reason: 'idle' | 'manual') => void;
}

export function Shell({ status, refreshStatus, onLocked }: Props) {
  const { t, i18n } = useTranslation();
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
  const target = useRef<ScanTarget | null>(null);
  const player = useMemo(() => createBeepPlayer(), []);

  useEffect(() => {
    void till.invoke('settings.get', {}).then((r) => {
      if (!r.ok) return;
      player.setEnabled(r.value.sounds);
      if (i18n.language !== r.value.language) void i18n.changeLanguage(r.value.language);
      document.documentElement.lang = r.value.language;
    });
  }, [till, player, i18n]);

  const route = useCallback((scan: ScanInput) => {
    if (target.current) target.current(scan);
    else {
      setPendingScan(scan);
      setScreen('counter');
    }
  }, []);

  // Keyboard-wedge scanners type into the page: caught before any field sees the keys.
  useEffect(
    () =>
      createWedgeCapture(
        window,
        dedupeScans((scan) => {
          // The scan first: the statistics call must not queue ahead of the holder's card.
          route({ text: scan.text, source: 'wedge' });
          void till.invoke('scanner.report', {
            source: 'wedge',
            durationMs: scan.durationMs,
            chars: scan.text.length,
          });
        }),
      ),
    [till, route],
  );
  // USB HID scanners are read by the core and arrive as events.
  useEffect(
    () => till.on('scan', (event) => route({ text: event.text, source: event.source })),
    [till, route],
  );

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
      setScanTarget: (fn: ScanTarget | null) => {
        target.current = fn;
      },
      isManager: status.staff?.role === 'manager',
      applySettings: (settings) => player.setEnabled(settings.sounds),
    }),
    [status, refreshStatus, player],
  );

  return (
    <ShellContext.Provider value={api}>
      <nav className="main-nav no-print" aria-label={t('app.menu')}>
        {shown.map((s) => (
          <button
            key={s}
            type="button"
            className={s === screen ? 'current' : ''}
            aria-current={s === screen ? 'page' : undefined}
            aria-keyshortcuts={keyForScreen(s) || undefined}
            onClick={() => open(s)}
          >
            {s === 'manage' ? t('manage.nav') : s === 'about' ? t('manage.about.nav') : t(`nav.${s}`)}
          </button>
        ))}
        <button type="button" className="lock" aria-keyshortcuts={LOCK_KEY} onClick={() => lock('manual')}>
          {t('app.lock')}
        </button>
      </nav>
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
