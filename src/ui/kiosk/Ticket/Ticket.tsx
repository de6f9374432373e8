/**
 * "Nomor Antrean Anda": the number very large, where to go, when it was taken, how many
 * are ahead and the wait, what to prepare, and a QR code to follow it on a phone. For a
 * journey: the first step's number (the one to wait for now), then every step in order.
 */
import { useMemo } from 'preact/hooks';
import { hasStrings } from '../../../domain/i18n/strings';
import { ticketFacts } from '../../../printing/ticket-layout';
import { Button } from '../../components/Button/Button';
import { QrCode } from '../../components/QrCode/QrCode';
import { Screen } from '../../components/Screen/Screen';
import { JourneyList } from '../lazy-screens';
import { useKiosk, useLinks, useSend, useText } from '../runtime';

/** The ticket screen. */
export function Ticket() {
  const tr = useText();
  const send = useSend();
  const links = useLinks();
  const ctx = useKiosk((s) => s.context);
  const { ticket } = ctx;
  // Worded again once a language's table has loaded (English comes after a switch).
  const worded = hasStrings(ctx.lang);
  const facts = useMemo(
    () =>
      ticket &&
      ticketFacts({
        config: ctx.config,
        ticket,
        lang: ctx.lang,
        answers: ctx.answers,
        url: links.ticketUrl(ticket),
        personal: ctx.personal,
      }),
    [ctx.config, ticket, ctx.lang, ctx.answers, links, worded, ctx.personal],
  );
  if (!facts) return null;
  const printer = ctx.profile.printer.kind !== 'none';
  return (
    <Screen
      title={tr('ticket.title')}
      class="ticket"
      actions={
        <>
          {printer && (
            <Button disabled={ctx.printCount >= 2} onClick={() => send({ type: 'ticket.print' })}>
              {tr('ticket.print')}
            </Button>
          )}
          <Button variant="primary" onClick={() => send({ type: 'ticket.done' })}>
            {tr('ticket.done')}
          </Button>
        </>
      }
    >
      <div class="ticket-facts">
        {facts.journey && (
          <p class="lead journey-now">
            <strong>{facts.journey.now}</strong>
          </p>
        )}
        <p class="ticket-number">{facts.number}</p>
        {facts.marks.map((mark) => (
          <p key={mark} class="ticket-mark">
            <strong>{mark}</strong>
          </p>
        ))}
        <p class="ticket-where">{facts.where}</p>
        <p class="lead">{facts.serviceName}</p>
        <p>
          {facts.date}, {facts.time}
        </p>
        {facts.peopleAhead && <p class="lead">{facts.peopleAhead}</p>}
        {facts.wait && <p class="lead">{facts.wait}</p>}
        {facts.prepare && !facts.journey && <p>{facts.prepare}</p>}
      </div>
      {facts.journey && (
        <div class="ticket-journey">
          <JourneyList journey={facts.journey} />
          {facts.prepare && <p>{facts.prepare}</p>}
        </div>
      )}
      <div class={facts.journey ? 'ticket-facts ticket-facts--beside' : 'ticket-facts'}>
        <figure class="qr-block">
          <QrCode text={facts.url} label={tr('ticket.qrLabel', { number: facts.number })} />
          <figcaption>{tr('ticket.qr')}</figcaption>
        </figure>
        <p>{tr('ticket.waitCall')}</p>
        <p class="lead">
          <strong>{tr('ticket.keep')}</strong>
        </p>
        {facts.emergency && <p class="note">{facts.emergency}</p>}
      </div>
    </Screen>
  );
}
