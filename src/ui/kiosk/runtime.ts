/**
 * What every kiosk screen needs without prop drilling: the machine's actor, the QR
 * links, and the current language. Screens read snapshots and send events; nothing else.
 */
import { createContext } from 'preact';
import { useCallback, useContext } from 'preact/hooks';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { type StringKey, type StringParams, t } from '../../domain/i18n/strings';
import type { KioskMachine } from '../../machines/kiosk.machine';
import type { KioskEvent } from '../../machines/kiosk.types';
import { useSelector } from '../hooks/use-selector';
import type { KioskLinks } from './links';

export type KioskActor = ActorRefFrom<KioskMachine>;
export type KioskSnapshot = SnapshotFrom<KioskMachine>;

export type KioskRuntime = { actor: KioskActor; links: KioskLinks };

export const KioskRuntimeContext = createContext<KioskRuntime | null>(null);

function useRuntime(): KioskRuntime {
  const runtime = useContext(KioskRuntimeContext);
  if (!runtime) throw new Error('kiosk screens must be rendered inside KioskApp');
  return runtime;
}

/** A slice of the kiosk snapshot; return primitives or context fields, never new objects. */
export function useKiosk<T>(select: (snapshot: KioskSnapshot) => T): T {
  return useSelector(useRuntime().actor, select);
}

/** Sends an event to the kiosk machine. */
export function useSend(): (event: KioskEvent) => void {
  const { actor } = useRuntime();
  return useCallback((event: KioskEvent) => actor.send(event), [actor]);
}

/** The QR links of this kiosk. */
export function useLinks(): KioskLinks {
  return useRuntime().links;
}

/** A translator bound to the citizen's current language. */
export function useText(): (key: StringKey, params?: StringParams) => string {
  const lang = useKiosk((s) => s.context.lang);
  return useCallback((key: StringKey, params?: StringParams) => t(lang, key, params), [lang]);
}
