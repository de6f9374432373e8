/**
 * A mandatory requirement is missing: say so plainly, list what is missing, offer the
 * list as a QR code (and on paper when there is a printer), and let the citizen queue
 * anyway for a consultation.
 */
// Its texts come with it (never on the way to a ticket).
import '../../../domain/i18n/strings-rare';
import { useMemo } from 'preact/hooks';
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
    <Screen
      title={tr('missing.title')}
      kicker={localized(service.name, ctx.lang)}
      actions={
        <>
          {canPrint && (
            <Button onClick={() => send({ type: 'missing.print' })}>{tr('missing.print')}</Button>
          )}
          <Button variant="primary" onClick={() => send({ type: 'missing.queueAnyway' })}>
            {tr('missing.queueAnyway')}
          </Button>
        </>
      }
    >
      <p class="lead">{tr('missing.list')}</p>
      <ul class="missing-list">
        {missing.map((r) => (
          <li key={r.id}>{localized(r.label, ctx.lang)}</li>
        ))}
      </ul>
      <figure class="qr-block">
        <QrCode text={url} label={tr('missing.qrLabel')} />
        <figcaption>{tr('missing.qr')}</figcaption>
      </figure>
      <p class="note">{tr('missing.consultNote')}</p>
    </Screen>
  );
}
