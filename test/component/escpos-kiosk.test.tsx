/**
 * A kiosk whose profile prints ESC/POS: the ticket goes to the printer as ESC/POS (decoded
 * here), and a printer that is off is told on the ticket screen with the way on — the QR
 * code on the screen, and a retry that prints once the printer is back.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { escposPrinting } from '../../src/app/kiosk/escpos-print';
import { printCurrentDocument } from '../../src/app/print';
import { printerLink } from '../../src/app/printer-link';
import { decodeEscPos } from '../fixtures/escpos-decode';
import { kioskProfile } from '../fixtures/kiosk';
import { FakePrinterTransport } from '../fixtures/printer-transport';
import { FAKE_TICKET, renderKiosk } from './kiosk-harness';

const profile = kioskProfile({
  printer: { kind: 'escpos', transport: 'bluetooth', paperWidth: 58, autoPrint: false },
});
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

/** Renders a kiosk on the ticket screen, printing ESC/POS through `transport`. */
async function onTicketScreen(transport: FakePrinterTransport) {
  const k = renderKiosk({ profile });
  const printing = escposPrinting({
    profile,
    actor: k.actor,
    links: k.links,
    link: printerLink(profile, transport),
  });
  stop = printing.stop;
  const send = (event: Parameters<typeof k.actor.send>[0]) => act(() => k.actor.send(event));
  send({ type: 'session.start' });
  send({ type: 'agency.selected', agencyId: 'imigrasi' });
  send({ type: 'service.selected', serviceId: 'imigrasi-paspor-baru' });
  send({ type: 'requirements.start' });
  send({ type: 'requirement.marked', key: 'ktp-el', mark: 'present' });
  send({ type: 'requirements.done' });
  send({ type: 'priority.chosen', category: null });
  send({ type: 'ticket.confirm' });
  await screen.findAllByText(FAKE_TICKET.number);
  return k;
}

describe('kiosk printing ESC/POS', () => {
  it('prints the ticket as ESC/POS with its number and the status QR', async () => {
    // Arrange
    const transport = new FakePrinterTransport();
    const k = await onTicketScreen(transport);

    // Act
    act(() => printCurrentDocument());
    await waitFor(() => expect(transport.written).toHaveLength(1));

    // Assert
    const commands = decodeEscPos(transport.written[0] as Uint8Array);
    expect(commands[0]).toBe('ESC @ initialize');
    expect(commands).toContain(`text "${FAKE_TICKET.number}"`);
    expect(commands).toContain(`QR store "${k.links.ticketUrl(FAKE_TICKET)}"`);
    expect(commands).toContain('GS V 1 cut partial');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('tells a printer that is off, with the QR on the screen and a retry that prints', async () => {
    // Arrange
    const transport = new FakePrinterTransport();
    transport.on = false;
    await onTicketScreen(transport);

    // Act
    act(() => printCurrentDocument());
    const alert = await screen.findByRole('alert');
    // The way on: the ticket's QR code stays on the screen.
    const qrShown = screen.getAllByRole('img', {
      name: `Kode QR tiket ${FAKE_TICKET.number}`,
    }).length;
    transport.on = true;
    fireEvent.click(screen.getByRole('button', { name: 'Coba cetak lagi' }));
    await waitFor(() => expect(transport.written).toHaveLength(1));

    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    const english = await (async () => {
      transport.on = false;
      act(() => printCurrentDocument());
      await screen.findByRole('alert');
      fireEvent.click(screen.getByRole('button', { name: 'English' }));
      return (await screen.findByRole('alert')).textContent;
    })();

    // Assert
    expect(english).toContain('The ticket did not print');
    expect(alert.textContent).toContain('Tiket tidak tercetak');
    expect(alert.textContent).toContain('Nomor antrean Anda tetap tercatat');
    expect(qrShown).toBeGreaterThan(0);
  });
});
