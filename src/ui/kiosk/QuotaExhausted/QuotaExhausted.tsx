/**
 * Issuing found the day's quota used up (another kiosk took the last number, or a mobile
 * unit's visit quota is spent): says so, what the citizen can do instead — another day,
 * the next MPP bergerak visit that carries the service, its online channels (a mobile
 * unit: the MPP itself) — and a way to choose another service.
 */
// Its texts come with it (never on the way to a ticket).
import '../../../domain/i18n/strings-rare';
import { alternativesFor } from '../../../domain/alternatives';
import { formatHours } from '../../../domain/format';
import { localized } from '../../../domain/i18n/local-text';
import { businessDayOf } from '../../../domain/time';
import { currentAgency, currentService } from '../../../machines/kiosk.selectors';
import { Button } from '../../components/Button/Button';
import { Screen } from '../../components/Screen/Screen';
import { useKiosk, useSend, useText } from '../runtime';
import { Alternatives } from '../Unavailable/Alternatives';

/** "Kuota layanan hari ini telah habis"; Kembali and Beranda are in the header. */
export function QuotaExhausted() {
  const tr = useText();
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const { config, lang } = ctx;
  const service = currentService(ctx);
  const agency = currentAgency(ctx);
  const now = Date.now();
  const { site } = config;
  const mobile = ctx.place === 'mobile';
  const found =
    service && agency
      ? alternativesFor({
          config,
          agency,
          service,
          availability: { state: 'quota-exhausted' },
          now,
          place: ctx.place,
        })
      : { opening: null, visit: undefined, online: [] };
  return (
    <Screen
      title={tr('quota.title')}
      kicker={service ? localized(service.name, lang) : undefined}
      actions={
        <Button variant="primary" onClick={() => send({ type: 'nav.back' })}>
          {tr('instead.other')}
        </Button>
      }
    >
      <p class="lead">{tr('quota.hint')}</p>
      <Alternatives
        // On a mobile unit another day means the MPP itself: its address and hours.
        found={mobile ? { ...found, opening: null } : found}
        lang={lang}
        today={businessDayOf(now, site.timeZone)}
        timeZone={site.timeZone}
      >
        {mobile && (
          <li>
            {tr('quota.mpp', {
              site: localized(site.name, lang),
              address: site.address,
              hours: formatHours(site.openingHours, lang),
            })}
          </li>
        )}
      </Alternatives>
    </Screen>
  );
}
