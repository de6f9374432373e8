/**
 * A mandatory requirement is missing: say so plainly, list what is missing, and make
 * keeping the list the first choice (on paper when there is a printer, or as a QR code for
 * the phone); queueing anyway for a consultation stays possible, last and plain.
 */
// Its texts come with it (never on the way to a ticket).
import '../../../domain/i18n/strings-rare';
import { useId, useMemo } from 'preact/hooks';
import { localized } from '../../../domain/i18n/local-text';
import { checkRequirements } from '../../../domain/requirements';
import { currentService } from '../../../machines/kiosk.selectors';
import { Button } from '../../components/Button/Button';
import { QrCode } from '../../components/QrCode/QrCode';
import { Screen } from '../../components/Screen/Screen';
import { useKiosk, useLinks, useSend, useText } from '../runtime';

/** The missing-requirements screen. */
export function Missing() {
  const tr = useText();
  const send = useSend();
  const links = useLinks();
  const keepId = useId();
  const ctx = useKiosk((s) => s.context);
  const service = currentService(ctx);
  const missing = useMemo(
    () => (service ? checkRequirements(service, ctx.answers).missingMandatory : []),
    [service, ctx.answers],
  );
  if (!service) return null;
  const url = links.missingListUrl(
    service.id,
    missing.map((r) => r.id),
  );
  const canPrint = ctx.profile.printer.kind !== 'none';
  return (
    <Screen title={tr('missing.title')} kicker={localized(service.name, ctx.lang)}>
      <p class="lead">{tr('missing.list')}</p>
      <ul class="missing-list">
        {missing.map((r) => (
          <li key={r.id}>{localized(r.label, ctx.lang)}</li>
        ))}
      </ul>
      <section class="keep-list" aria-labelledby={keepId}>
        <h2 id={keepId} class="section-title">
          {tr('missing.keep')}
        </h2>
        {canPrint && (
          <Button variant="primary" onClick={() => send({ type: 'missing.print' })}>
            {tr('missing.print')}
          </Button>
        )}
        <figure class="qr-block">
          <QrCode text={url} label={tr('missing.qrLabel')} />
          <figcaption>{tr('missing.qr')}</figcaption>
        </figure>
      </section>
      <section class="consult">
        <p class="note">{tr('missing.consultNote')}</p>
        <Button onClick={() => send({ type: 'missing.queueAnyway' })}>
          {tr('missing.queueAnyway')}
        </Button>
      </section>
    </Screen>
  );
}
