/** The citizen's phone page for a ticket: position, wait, and honest unknown/offline states. */
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { TicketStatusPage } from '../../src/ui/status/TicketStatusPage';
import { kioskBundle } from '../fixtures/kiosk';

const STATUS = {
  id: '0190f5e0-0000-7000-8000-000000000001',
  number: 'D-004',
  agencyId: 'imigrasi',
  serviceId: 'imigrasi-paspor-baru',
  agencyName: { id: 'Imigrasi', en: 'Immigration' },
  serviceName: { id: 'Paspor Baru', en: 'New passport' },
  businessDay: '2026-11-23',
  issuedAt: Date.UTC(2026, 10, 23, 2, 0),
  status: 'waiting' as const,
  loket: null,
  transfers: 0,
  journey: null,
  peopleAhead: 3,
  waitMinutes: 25,
};

describe('TicketStatusPage', () => {
  it('shows the number, the service, people ahead and the estimated wait', () => {
    const checkedAt = Date.UTC(2026, 10, 23, 2, 5);
    render(
      <TicketStatusPage
        view={{ kind: 'found', status: STATUS, checkedAt }}
        config={kioskBundle()}
        lang="id"
      />,
    );

    expect(screen.getByText('D-004')).toBeTruthy();
    expect(screen.getByText('Paspor Baru')).toBeTruthy();
    expect(screen.getByText('Sisa antrean: 3 orang')).toBeTruthy();
    expect(screen.getByText('Perkiraan waktu tunggu: ± 25 menit')).toBeTruthy();
    expect(screen.getByText('Diperbarui pukul 09.05 WIB')).toBeTruthy();
  });

  it("shows the server's names even without a config on the phone", () => {
    render(
      <TicketStatusPage
        view={{ kind: 'found', status: STATUS, checkedAt: 0 }}
        config={null}
        lang="en"
      />,
    );

    expect(screen.getByText('Immigration')).toBeTruthy();
    expect(screen.getByText('New passport')).toBeTruthy();
  });

  it('says plainly when the server does not know the ticket yet, or cannot be reached', () => {
    const { unmount } = render(
      <TicketStatusPage view={{ kind: 'unknown' }} config={null} lang="en" />,
    );
    expect(screen.getByRole('status').textContent).toContain('not on the server yet');
    unmount();

    render(<TicketStatusPage view={{ kind: 'offline' }} config={null} lang="id" />);
    expect(screen.getByRole('status').textContent).toContain('Tidak dapat menghubungi server');
  });
});
