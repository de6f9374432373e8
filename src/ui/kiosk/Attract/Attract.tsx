/**
 * The attract screen: touching anywhere starts a session in the kiosk's language; the
 * language buttons start it in that language. Keyboard users have real buttons. While the
 * MPP is closed it says so first, with when it opens and what can still be done.
 */
import { localized } from '../../../domain/i18n/local-text';
import { t } from '../../../domain/i18n/strings';
import { Button } from '../../components/Button/Button';
import { useHeadingFocus } from '../../components/Screen/Screen';
import { closedNow } from '../availability-view';
import { ClosedNotice } from '../lazy-screens';
import { useKiosk, useSend } from '../runtime';

/**
 * "Selamat datang di …" with "Sentuh untuk mulai", or while closed "… sedang tutup" and
 * "Lihat layanan dan persyaratan" (the coming visits: ./ComingVisits.tsx).
 */
export function Attract() {
  const send = useSend();
  const lang = useKiosk((s) => s.context.lang);
  const site = useKiosk((s) => s.context.config.site);
  const largeText = useKiosk((s) => s.context.largeText);
  const closed = useKiosk((s) => closedNow(s.context));
  const name = { site: localized(site.name, lang) };
  const heading = useHeadingFocus();
  const only = (action: () => void) => (event: Event) => {
    event.stopPropagation();
    action();
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a touch anywhere starts; the keyboard path is the start button
    <main class="screen attract" onClick={() => send({ type: 'session.start' })}>
      <div class="attract-tools">
        <Button aria-pressed={largeText} onClick={only(() => send({ type: 'display.toggle' }))}>
          {t(lang, 'display.largeText')}
        </Button>
      </div>
      <h1 class="attract-title" ref={heading} tabIndex={-1}>
        {t(lang, closed ? 'attract.closed' : 'attract.welcome', name)}
      </h1>
      {closed && <ClosedNotice />}
      <Button
        variant="primary"
        class="attract-start"
        onClick={only(() => send({ type: 'session.start' }))}
      >
        {t(lang, closed ? 'attract.browse' : 'attract.touch')}
      </Button>
      {site.languages.length > 1 && (
        <fieldset class="attract-languages" aria-label={t(lang, 'language.choose')}>
          {site.languages.map((choice) => (
            <Button
              key={choice}
              lang={choice}
              onClick={only(() => send({ type: 'session.start', lang: choice }))}
            >
              {t(choice, `language.${choice}`)}
            </Button>
          ))}
        </fieldset>
      )}
    </main>
  );
}
