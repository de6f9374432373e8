/**
 * The bar on top of every kiosk screen: Kembali and Beranda on the left, the language
 * switch and the "Teks besar" toggle on the right. Controls appear only when they have
 * a handler, so a screen never shows a button that does nothing.
 */
import type { Language } from '../../../domain/config/schema';
import { t } from '../../../domain/i18n/strings';
import { Button } from '../Button/Button';

type HeaderProps = {
  lang: Language;
  /** Languages the site offers; the switch shows the other one. */
  languages: readonly Language[];
  largeText: boolean;
  onToggleDisplay: () => void;
  onBack?: (() => void) | undefined;
  onHome?: (() => void) | undefined;
  onLanguage?: ((lang: Language) => void) | undefined;
};

/** The header bar of a kiosk screen. */
export function Header(props: HeaderProps) {
  const { lang, onLanguage } = props;
  const other = props.languages.find((l) => l !== lang);
  return (
    <header class="header">
      <nav class="header-nav" aria-label={t(lang, 'nav.toolbar')}>
        {props.onBack && <Button onClick={props.onBack}>{t(lang, 'nav.back')}</Button>}
        {props.onHome && <Button onClick={props.onHome}>{t(lang, 'nav.home')}</Button>}
      </nav>
      <div class="header-tools">
        {onLanguage && other && (
          <Button lang={other} onClick={() => onLanguage(other)}>
            {t(lang, `language.${other}`)}
          </Button>
        )}
        <Button aria-pressed={props.largeText} onClick={props.onToggleDisplay}>
          {t(lang, 'display.largeText')}
        </Button>
      </div>
    </header>
  );
}
