/**
 * The read-only page a citizen's phone opens from the missing-list QR code: the service's
 * standar pelayanan with what they still lack listed first and highlighted, in the language
 * the kiosk spoke (the link's `l=en`; Indonesian without it), with a switch to the other.
 */
import type { ConfigBundle, Language } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import { t } from '../../domain/i18n/strings';
import { findService } from '../../machines/kiosk.selectors';
import { LanguageSwitch } from '../components/LanguageSwitch/LanguageSwitch';
import { Screen } from '../components/Screen/Screen';
import { Part } from '../kiosk/ServiceDetail/Part';
import { ServiceParts } from '../kiosk/ServiceDetail/ServiceParts';

type ServiceInfoProps = {
  config: ConfigBundle;
  serviceId: string;
  missing: string[];
  lang: Language;
  /** The switch to the other language; without it the page shows none. */
  onLanguage?: (lang: Language) => void;
};

/** The phone page of one service. */
export function ServiceInfo({ config, serviceId, missing, lang, onLanguage }: ServiceInfoProps) {
  const found = findService(config, serviceId);
  const languageSwitch = onLanguage && (
    <LanguageSwitch lang={lang} config={config} onLanguage={onLanguage} />
  );
  if (!found) {
    return (
      <div class="kiosk kiosk--phone" lang={lang}>
        {languageSwitch}
        <Screen title={t(lang, 'info.notFound')} />
      </div>
    );
  }
  const { agency, service } = found;
  const missingSet = new Set(missing);
  const lacking = service.requirements.filter((r) => missingSet.has(r.id));
  return (
    <div class="kiosk kiosk--phone" lang={lang}>
      {languageSwitch}
      <Screen
        title={localized(service.name, lang)}
        kicker={`${localized(config.site.name, lang)} · ${localized(agency.shortName, lang)}`}
      >
        {lacking.length > 0 && (
          <Part title={t(lang, 'info.missing')} class="part--missing">
            <ul class="missing-list">
              {lacking.map((r) => (
                <li key={r.id}>{localized(r.label, lang)}</li>
              ))}
            </ul>
          </Part>
        )}
        <ServiceParts service={service} agency={agency} lang={lang} missing={missingSet} />
      </Screen>
    </div>
  );
}
