/**
 * The read-only page a citizen's phone opens from the missing-list QR code: the service's
 * standar pelayanan with what they still lack listed first and highlighted.
 */
import type { ConfigBundle, Language } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import { t } from '../../domain/i18n/strings';
import { findService } from '../../machines/kiosk.selectors';
import { Screen } from '../components/Screen/Screen';
import { Part } from '../kiosk/ServiceDetail/Part';
import { ServiceParts } from '../kiosk/ServiceDetail/ServiceParts';

type ServiceInfoProps = {
  config: ConfigBundle;
  serviceId: string;
  missing: string[];
  lang: Language;
};

/** The phone page of one service. */
export function ServiceInfo({ config, serviceId, missing, lang }: ServiceInfoProps) {
  const found = findService(config, serviceId);
  if (!found) {
    return (
      <div class="kiosk kiosk--phone" lang={lang}>
        <Screen title={t(lang, 'info.notFound')} />
      </div>
    );
  }
  const { agency, service } = found;
  const missingSet = new Set(missing);
  const lacking = service.requirements.filter((r) => missingSet.has(r.id));
  return (
    <div class="kiosk kiosk--phone" lang={lang}>
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
