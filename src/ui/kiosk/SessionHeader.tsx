/**
 * The header of every screen but the attract screen, wired to the machine: Kembali and
 * Beranda only where the machine accepts them (not while a ticket is being saved).
 */
import { Header } from '../components/Header/Header';
import { useKiosk, useSend } from './runtime';
import type { ScreenName } from './screen-of';

/** The connected header bar. */
export function SessionHeader(props: { screen: ScreenName }) {
  const send = useSend();
  const lang = useKiosk((s) => s.context.lang);
  const languages = useKiosk((s) => s.context.config.site.languages);
  const largeText = useKiosk((s) => s.context.largeText);
  // Confirm stays up while a quick ticket is written (./KioskApp.tsx): its header stays
  // the same, and the machine ignores Kembali and Beranda until the ticket is there.
  const confirm = props.screen === 'confirm';
  const canBack = useKiosk((s) => confirm || s.can({ type: 'nav.back' }));
  const canHome = useKiosk((s) => confirm || s.can({ type: 'nav.home' }));
  const busy = props.screen === 'issuing' || props.screen === 'outOfService';
  return (
    <Header
      lang={lang}
      languages={languages}
      largeText={largeText}
      onToggleDisplay={() => send({ type: 'display.toggle' })}
      onBack={canBack && !busy ? () => send({ type: 'nav.back' }) : undefined}
      onHome={canHome && !busy ? () => send({ type: 'nav.home' }) : undefined}
      onLanguage={busy ? undefined : (next) => send({ type: 'language.set', lang: next })}
    />
  );
}
