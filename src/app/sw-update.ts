/**
 * Service worker registration and the kiosk's update policy: a new version waits until
 * the page says it is idle (the kiosk on its attract screen), then takes over and the
 * page reloads once.
 */
import type { Workbox } from 'workbox-window';

let workbox: Workbox | null = null;
let registered = false;
let updateWaiting = false;
/** Set once this page asked the waiting worker to take over: its arrival means reload. */
let applying = false;
let applyWhenIdle: (() => boolean) | null = null;
/** The device's identity changed: the page restarts at the next idle moment. */
let restartWaiting = false;

/**
 * Registers /sw.js in production builds (once; later calls do nothing) and checks for
 * updates every 15 minutes. The kiosk calls it at its first idle moment, so the
 * registration code is never on a citizen's way to a ticket.
 */
export function registerServiceWorker(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  void import('workbox-window').then(({ Workbox }) => {
    workbox = new Workbox('/sw.js', { updateViaCache: 'none' });
    workbox.addEventListener('waiting', () => {
      updateWaiting = true;
      tryApplyUpdate();
    });
    let reloading = false;
    // Not `event.isUpdate`: that is false when this same page installed the first
    // version, and such a kiosk would then never move to the next one.
    workbox.addEventListener('controlling', () => {
      if (applying && !reloading) {
        reloading = true;
        window.location.reload();
      }
    });
    void workbox.register();
    setInterval(() => void workbox?.update(), 15 * 60_000);
  });
  // A lazy chunk of an old version vanished after an update: reload once onto the new one.
  window.addEventListener('vite:preloadError', () => {
    if (!sessionStorage.getItem('anjungan-reloaded')) {
      sessionStorage.setItem('anjungan-reloaded', '1');
      window.location.reload();
    }
  });
}

/** The surface tells when it is safe to update (e.g. kiosk on its attract screen). */
export function setUpdateGate(isIdle: (() => boolean) | null): void {
  applyWhenIdle = isIdle;
  tryApplyUpdate();
}

/** Whether the surface says it is idle now (no citizen mid-flow); true when it says nothing. */
export function isIdleNow(): boolean {
  return !applyWhenIdle || applyWhenIdle();
}

/**
 * Restarts the page at the surface's next idle moment, as an update does: the device's
 * identity changed (./device-orders.ts) and every part must start from the new one.
 */
export function restartWhenIdle(): void {
  restartWaiting = true;
  tryApplyUpdate();
}

/** Applies a waiting update (or restart) if the surface is idle now. */
export function tryApplyUpdate(): void {
  if (restartWaiting && isIdleNow()) {
    restartWaiting = false;
    window.location.reload();
    return;
  }
  if (!updateWaiting || !workbox) return;
  if (applyWhenIdle && !applyWhenIdle()) return;
  updateWaiting = false;
  applying = true;
  workbox.messageSkipWaiting();
}

/** True when a new version is installed and waits for an idle moment. */
export function isUpdateWaiting(): boolean {
  return updateWaiting;
}
