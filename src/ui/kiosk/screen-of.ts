/** Which screen the kiosk shows for a snapshot (transient states never render). */
import type { KioskSnapshot } from './runtime';

export type ScreenName =
  | 'attract'
  | 'outOfService'
  | 'agencies'
  | 'services'
  | 'detail'
  | 'question'
  | 'checklist'
  | 'missing'
  | 'prerequisite'
  | 'priority'
  | 'personal'
  | 'confirm'
  | 'issuing'
  | 'ticket'
  | 'quotaExhausted';

const FLOW_SCREENS = [
  'agencies',
  'services',
  'detail',
  'missing',
  'prerequisite',
  'priority',
  'personal',
  'confirm',
  'issuing',
  'ticket',
  'quotaExhausted',
] as const;

/** The screen for the machine's current state value. */
export function screenOf(s: KioskSnapshot): ScreenName {
  if (s.matches('attract')) return 'attract';
  if (s.matches('outOfService')) return 'outOfService';
  if (s.matches({ session: { flow: { requirements: 'question' } } })) return 'question';
  if (s.matches({ session: { flow: { requirements: 'checklist' } } })) return 'checklist';
  return FLOW_SCREENS.find((name) => s.matches({ session: { flow: name } })) ?? 'agencies';
}

/** Whether the "Masih di sini?" warning is up. */
export function isIdleWarning(s: KioskSnapshot): boolean {
  return s.matches({ session: { watchdog: 'warning' } });
}
