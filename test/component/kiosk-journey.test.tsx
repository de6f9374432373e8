/**
 * A journey on the kiosk's ticket screen: the first step's number large (the one to wait
 * for now), every step listed with its number in order, and the QR opening the first step's
 * page while naming the second step for its counter.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../src/machines/kiosk.types';
import { journeyWords } from '../../src/printing/journey-lines';
import { provideJourneyWords } from '../../src/printing/ticket-layout';
import { FAKE_TICKET, renderKiosk } from './kiosk-harness';

const button = (name: string) => screen.getByRole('button', { name });
const KK_ID = '0190f5e0-0000-7000-8000-000000000006';

const JOURNEY_TICKET: IssuedTicket = {
  ...FAKE_TICKET,
  peopleAhead: 2,
  waitMinutes: 15,
  journey: [
    {
      id: KK_ID,
      number: 'A-006',
      agencyId: 'disdukcapil',
      serviceId: 'disdukcapil-kk-perubahan',
    },
    {
      id: FAKE_TICKET.id,
      number: FAKE_TICKET.number,
      agencyId: FAKE_TICKET.agencyId,
      serviceId: FAKE_TICKET.serviceId,
    },
  ],
};

describe('kiosk ticket of a journey', () => {
  // As the kiosk's issueTicket does when it loads a journey's code (faked here).
  provideJourneyWords(journeyWords);
  it('shows the first step’s number to wait for now, then both steps in order', async () => {
    const k = renderKiosk({ issue: async () => JOURNEY_TICKET });
    fireEvent.click(button('Sentuh untuk mulai'));
    fireEvent.click(button('BPJS Kesehatan'));
    fireEvent.click(button('Perubahan Data Peserta'));
    fireEvent.click(button('Periksa Persyaratan'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Kartu JKN' })).getByText('Ada'));
    fireEvent.click(button('Lanjut'));
    fireEvent.click(button('Ambil nomor untuk keduanya, Disdukcapil dulu'));
    fireEvent.click(button('Tidak'));
    fireEvent.click(button('Ambil Nomor Antrean'));

    await waitFor(() => screen.getByRole('heading', { name: 'Nomor Antrean Anda' }));
    const main = within(screen.getByRole('main'));
    expect(main.getByText('Langkah 1 dari 2 — nomor Anda sekarang')).toBeTruthy();
    expect(document.querySelector('.ticket-number')?.textContent).toBe('A-006');
    expect(main.getByText('Disdukcapil')).toBeTruthy();
    expect(main.getByText('Antrean di depan Anda: 2')).toBeTruthy();
    // The list's code loads with the journey (preloaded at the kiosk's first idle moment).
    const steps = within(await main.findByRole('region', { name: 'Langkah kunjungan Anda' }));
    expect(steps.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Langkah 1A-006Sekarang',
      'Langkah 2E-007BPJS Kesehatan — Perubahan Data PesertaSetelah langkah 1 selesai',
    ]);
    expect(main.getByRole('img', { name: 'Kode QR tiket A-006' })).toBeTruthy();
    expect(k.links.ticketUrl).toHaveBeenCalledWith(JOURNEY_TICKET);
  });
});
