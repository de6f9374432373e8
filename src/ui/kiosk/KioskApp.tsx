/**
 * The kiosk surface: picks the screen for the machine's state, puts the header and the
 * idle warning around it, and reports every touch or key as activity (capture phase, so
 * no screen can swallow it). Never does I/O: printing and issuing are machine actions
 * provided by the composition root.
 */
import '../styles/kiosk.css';
import '../styles/print.css';
// The SKM survey's, for the attract screen's survey door (src/app/kiosk/attract-doors.ts).
import '../status/skm-survey.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { hasStrings } from '../../domain/i18n/strings';
import { ensureStrings } from '../i18n';
import { PrintArea } from '../print/PrintArea';
import { IdleWarning } from './lazy-screens';
import type { KioskLinks } from './links';
import { type KioskActor, KioskRuntimeContext, useKiosk, useSend } from './runtime';
import { ScreenFor } from './ScreenFor';
import { SessionHeader } from './SessionHeader';
import { isIdleWarning, type ScreenName, screenOf } from './screen-of';

export { preloadKioskScreens } from './lazy-screens';
export type { KioskLinks } from './links';

/** The whole kiosk UI for one kiosk machine actor. */
export function KioskApp(props: { actor: KioskActor; links: KioskLinks }) {
  const runtime = useMemo(
    () => ({ actor: props.actor, links: props.links }),
    [props.actor, props.links],
  );
  return (
    <KioskRuntimeContext.Provider value={runtime}>
      <KioskRoot />
    </KioskRuntimeContext.Provider>
  );
}

/** How long a ticket's write may take before "Menyimpan tiket…" replaces the Confirm screen. */
const ISSUING_SHOWN_AFTER_MS = 400;

/**
 * The screen to draw: while a ticket is being written the Confirm screen stays as it is
 * (its buttons do nothing then), and "Menyimpan tiket…" comes only if the write is slow. A
 * quick ticket goes from Confirm to its number with no screen in between, whose layout and
 * paint would hold up the write's own steps on a slow kiosk.
 */
function useShownScreen(screen: ScreenName): ScreenName {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (screen !== 'issuing') return;
    const timer = setTimeout(() => setSlow(true), ISSUING_SHOWN_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [screen]);
  return screen === 'issuing' && !slow ? 'confirm' : screen;
}

function KioskRoot() {
  const screen = useShownScreen(useKiosk(screenOf));
  const lang = useKiosk((s) => s.context.lang);
  const largeText = useKiosk((s) => s.context.largeText);
  const warning = useKiosk(isIdleWarning);
  const send = useSend();
  const [, stringsLoaded] = useState(0);
  useEffect(() => {
    if (!hasStrings(lang)) void ensureStrings(lang).then(() => stringsLoaded((n) => n + 1));
  }, [lang]);
  // While the warning is up only its own controls count, so a touch cannot dismiss it
  // and click a control underneath in the same gesture.
  const activity = () => {
    if (!warning) send({ type: 'activity' });
  };
  return (
    <div
      class={`kiosk${largeText ? ' kiosk--large' : ''}`}
      lang={lang}
      onPointerDownCapture={activity}
      onKeyDownCapture={activity}
    >
      {screen !== 'attract' && <SessionHeader screen={screen} />}
      <ScreenFor screen={screen} />
      {warning && <IdleWarning />}
      <PrintArea screen={screen} />
    </div>
  );
}
