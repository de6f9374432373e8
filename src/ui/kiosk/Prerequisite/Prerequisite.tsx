/** "Pastikan Anda telah mengurus … terlebih dahulu" for each prerequisite at another agency. */
// Its texts come with it (never on the way to a ticket).
import '../../../domain/i18n/strings-rare';
import { useMemo } from 'preact/hooks';
import { localized } from '../../../domain/i18n/local-text';
import { currentService, prerequisitesOf } from '../../../machines/kiosk.selectors';
import { Button } from '../../components/Button/Button';
import { Screen } from '../../components/Screen/Screen';
import { useKiosk, useSend, useText } from '../runtime';

/** The prerequisite note with "Sudah, lanjutkan" and a way to queue at the other agency. */
export function Prerequisite() {
  const tr = useText();
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const { lang } = ctx;
  const items = useMemo(() => prerequisitesOf(ctx), [ctx]);
  const service = currentService(ctx);
  return (
    <Screen
      title={tr('prerequisite.title')}
      kicker={service ? localized(service.name, lang) : undefined}
      actions={
        <Button variant="primary" onClick={() => send({ type: 'prerequisite.confirmed' })}>
          {tr('prerequisite.confirm')}
        </Button>
      }
    >
      <ul class="prereqs">
        {items.map(({ prerequisite, agency, service: target, reachable }) => {
          const agencyName = agency ? localized(agency.shortName, lang) : prerequisite.agency;
          return (
            <li key={`${prerequisite.agency}/${prerequisite.service ?? ''}`} class="prereq">
              <p class="lead">
                {target
                  ? tr('prerequisite.service', {
                      service: localized(target.name, lang),
                      agency: agencyName,
                    })
                  : tr('prerequisite.agency', { agency: agencyName })}
              </p>
              <p class="note">{localized(prerequisite.note, lang)}</p>
              {agency && target && reachable && (
                <Button
                  variant="primary"
                  onClick={() =>
                    send({
                      type: 'prerequisite.journey',
                      agencyId: agency.id,
                      serviceId: target.id,
                    })
                  }
                >
                  {tr('prerequisite.journey', { agency: agencyName })}
                </Button>
              )}
              {agency && reachable && (
                <Button
                  onClick={() =>
                    send({
                      type: 'prerequisite.goto',
                      agencyId: agency.id,
                      ...(target && { serviceId: target.id }),
                    })
                  }
                >
                  {tr('prerequisite.goto', { agency: agencyName })}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </Screen>
  );
}
