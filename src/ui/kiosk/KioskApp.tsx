/**
 * The kiosk surface: picks the screen for the machine's state, puts the header and the
 * idle warning around it, and reports every touch or key as activity (capture phase, so
 * no screen can swallow it). Never does I/O: printing and issuing are machine actions
 * provided by the composition root.
 */
import '../styles/kiosk.css';
import '../styles/print.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { hasStrings } from '../../domain/i18n/strings';
import { ensureStrings } from '../i18n';
import { PrintArea } from '../print/PrintArea';
import { IdleWarning } from './lazy-screens';
import type { KioskLinks } from './links';
import { type KioskActor, KioskRuntimeContext, useKiosk, useSend } from './runtime';
import { ScreenFor } from './ScreenFor';
import { SessionHeader } from './SessionHeader';
import { isIdleWarning, screenOf } from './screen-of';

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

function KioskRoot() {
  const screen = useKiosk(screenOf);
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
