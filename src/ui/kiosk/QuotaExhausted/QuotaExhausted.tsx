/**
 * Issuing found the day's quota used up (another kiosk took the last number, or a mobile
 * unit's visit quota is spent): says so, and what the citizen can do instead — the next MPP
 * bergerak visit that carries the service, and the MPP itself with its address and hours.
 */
// Its texts come with it (never on the way to a ticket).
import '../../../domain/i18n/strings-rare';
import { formatHours } from '../../../domain/format';
import { localized } from '../../../domain/i18n/local-text';
import { businessDayOf } from '../../../domain/time';
import { comingVisits } from '../../../domain/visit-days';
import { visitLine } from '../../../domain/visits';
import { Screen } from '../../components/Screen/Screen';
import { useKiosk, useText } from '../runtime';

const WORDS = {
  id: {
    instead: 'Yang dapat Anda lakukan',
    nextVisit: 'Datang ke MPP bergerak berikutnya yang membawa layanan ini:',
    mpp: 'Atau datang ke {site}, {address}. Jam buka: {hours}.',
  },
  en: {
    instead: 'What you can do instead',
    nextVisit: 'Come to the next mobile service visit that offers this service:',
    mpp: 'Or come to {site}, {address}. Opening hours: {hours}.',
  },
} as const;

/** "Kuota layanan hari ini telah habis"; Kembali and Beranda are in the header. */
export function QuotaExhausted() {
  const tr = useText();
  const lang = useKiosk((s) => s.context.lang);
  const config = useKiosk((s) => s.context.config);
  const serviceId = useKiosk((s) => s.context.serviceId);
  const words = WORDS[lang];
  const today = businessDayOf(Date.now(), config.site.timeZone);
  // A visit already serving today is the one whose quota is spent: the next one after it.
  const next = comingVisits(config.visits, today, 50).find(
    (v) => v.date > today && v.services.some((s) => s.service === serviceId),
  );
  const { site } = config;
  return (
    <Screen title={tr('quota.title')} class="screen--center">
      <p class="lead">{tr('quota.hint')}</p>
      <section class="quota-instead" aria-label={words.instead}>
        <h2>{words.instead}</h2>
        {next && (
          <p>
            {words.nextVisit} <strong>{visitLine(next, today, lang)}</strong>
          </p>
        )}
        <p>
          {words.mpp
            .replace('{site}', localized(site.name, lang))
            .replace('{address}', site.address)
            .replace('{hours}', formatHours(site.openingHours, lang))}
        </p>
      </section>
    </Screen>
  );
}
