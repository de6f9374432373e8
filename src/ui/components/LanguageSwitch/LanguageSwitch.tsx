/**
 * A citizen's phone page's switch to the other language, named in itself ("English",
 * "Bahasa Indonesia"): the one place the other language shows. Offered when the site
 * offers that language (or its config is not at hand yet).
 */
import type { ConfigBundle, Language } from '../../../domain/config/schema';
import { t } from '../../../domain/i18n/strings';
import { Button } from '../Button/Button';

/** The switch, top right above the page's title; nothing when the site lacks the language. */
export function LanguageSwitch(props: {
  lang: Language;
  config: ConfigBundle | null;
  onLanguage: (lang: Language) => void;
}) {
  const other: Language = props.lang === 'id' ? 'en' : 'id';
  if (props.config && !props.config.site.languages.includes(other)) return null;
  return (
    <div class="phone-language">
      <Button lang={other} onClick={() => props.onLanguage(other)}>
        {t(other, `language.${other}`)}
      </Button>
    </div>
  );
}
