/** The citizen's phone page for a ticket: position, wait, and honest unknown/offline states. */
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { JourneyStepStatus, TicketStatus } from '../../src/domain/protocol';
import { TicketStatusPage } from '../../src/ui/status/TicketStatusPage';
import { kioskBundle } from '../fixtures/kiosk';

const STATUS: TicketStatus = {
  id: '0190f5e0-0000-7000-8000-000000000001',
  number: 'D-004',
  agencyId: 'imigrasi',
  serviceId: 'imigrasi-paspor-baru',
  agencyName: { id: 'Imigrasi', en: 'Immigration' },
  serviceName: { id: 'Paspor Baru', en: 'New passport' },
  businessDay: '2026-11-23',
  issuedAt: Date.UTC(2026, 10, 23, 2, 0),
  language: 'id',
  status: 'waiting',
  loket: null,
  transfers: 0,
  journey: null,
  peopleAhead: 3,
  waitMinutes: 25,
  finish: null,
  visits: [],
  survey: null,
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
    expect(screen.getByText('Antrean di depan Anda: 3')).toBeTruthy();
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

/** Perubahan KK at Disdukcapil, then Perubahan data at BPJS Kesehatan. */
const KK: JourneyStepStatus = {
  step: 1,
  id: '0190f5e0-0000-7000-8000-000000000011',
  number: 'A-007',
  agencyId: 'disdukcapil',
  serviceId: 'disdukcapil-kk-perubahan',
  agencyName: { id: 'Disdukcapil', en: 'Civil Registry' },
  serviceName: { id: 'Perubahan Kartu Keluarga', en: 'Family card update' },
  status: 'waiting',
  loket: null,
  peopleAhead: 2,
  waitMinutes: 15,
};
const BPJS: JourneyStepStatus = {
  step: 2,
  id: '0190f5e0-0000-7000-8000-000000000012',
  number: 'E-003',
  agencyId: 'bpjs-kesehatan',
  serviceId: 'bpjs-kesehatan-perubahan-data',
  agencyName: { id: 'BPJS Kesehatan', en: 'BPJS Health' },
  serviceName: { id: 'Perubahan Data Peserta', en: 'Member data change' },
  status: 'held',
  loket: null,
  peopleAhead: 0,
  waitMinutes: 0,
};

/** The phone's answer for step 1's ticket, with both steps as given. */
function firstStep(kk: JourneyStepStatus, bpjs: JourneyStepStatus, current: number): TicketStatus {
  const { step: _, ...own } = kk;
  return {
    ...own,
    businessDay: '2026-11-23',
    issuedAt: Date.UTC(2026, 10, 23, 2, 0),
    language: 'id',
    transfers: 0,
    journey: { step: 1, of: 2, current, steps: [kk, bpjs] },
    finish: null,
    visits: [],
    survey: null,
  };
}

function showPage(status: TicketStatus, lang: 'id' | 'en' = 'id') {
  return render(
    <TicketStatusPage view={{ kind: 'found', status, checkedAt: 0 }} config={null} lang={lang} />,
  );
}

describe('TicketStatusPage: one language at a time', () => {
  const found = { kind: 'found', status: STATUS, checkedAt: Date.UTC(2026, 10, 23, 2, 5) } as const;

  it('speaks one language and offers the other on a switch named in it', () => {
    const chosen: string[] = [];
    render(
      <TicketStatusPage
        view={found}
        config={kioskBundle()}
        lang="id"
        onLanguage={(lang) => chosen.push(lang)}
      />,
    );

    screen.getByRole('button', { name: 'English' }).click();
    expect(chosen).toEqual(['en']);
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en');
    expect(screen.queryByText(/Waiting|Ticket Status|people ahead/)).toBeNull();
  });

  it('offers Indonesian on an English page, and no switch at a site without English', () => {
    const { unmount } = render(
      <TicketStatusPage view={found} config={kioskBundle()} lang="en" onLanguage={() => {}} />,
    );
    expect(screen.getByRole('button', { name: 'Bahasa Indonesia' })).toBeTruthy();
    unmount();

    const config = kioskBundle();
    config.site.languages = ['id'];
    render(<TicketStatusPage view={found} config={config} lang="id" onLanguage={() => {}} />);
    expect(screen.queryByRole('button', { name: 'English' })).toBeNull();
  });
});

describe('TicketStatusPage of a journey', () => {
  it('shows every step in order with its number, agency, service and state, the first one now', () => {
    const called = { ...KK, status: 'called' as const, loket: '3' };
    showPage(firstStep(called, BPJS, 1));

    expect(screen.getByRole('status').textContent).toContain('Langkah Anda sekarang: 1 dari 2');
    expect(screen.getByText('Dipanggil — silakan menuju loket 3')).toBeTruthy();
    const list = screen.getByRole('region', { name: 'Langkah kunjungan Anda' });
    const steps = within(list).getAllByRole('listitem');
    expect(steps.map((li) => li.textContent)).toEqual([
      'Langkah 1A-007SekarangDisdukcapil — Perubahan Kartu KeluargaSedang dipanggil — loket 3',
      'Langkah 2E-003BPJS Kesehatan — Perubahan Data PesertaMenunggu langkah sebelumnya',
    ]);
    expect(steps.map((li) => li.getAttribute('aria-current'))).toEqual(['step', null]);
  });

  it('on step 1’s page once it is finished, puts step 2 first and says to go on', () => {
    const done = { ...KK, status: 'done' as const, loket: '3' };
    const waiting = { ...BPJS, status: 'waiting' as const, peopleAhead: 1, waitMinutes: 10 };
    showPage({ ...firstStep(done, waiting, 2), status: 'done', loket: '3' });

    const shown = screen.getByRole('status');
    expect(shown.textContent).toContain(
      'Langkah 1 (A-007) sudah selesai. Silakan lanjut ke langkah 2.',
    );
    expect(shown.textContent).toContain('Langkah Anda sekarang: 2 dari 2');
    expect(within(shown).getByText('E-003').className).toBe('ticket-number');
    expect(within(shown).getByText('Menunggu panggilan')).toBeTruthy();
    expect(within(shown).getByText('Antrean di depan Anda: 1')).toBeTruthy();
    const steps = screen.getAllByRole('listitem');
    expect(steps.map((li) => li.getAttribute('aria-current'))).toEqual([null, 'step']);
    expect(steps[0]?.textContent).toContain('Selesai');
  });

  it('says the same in English', () => {
    showPage(firstStep(KK, BPJS, 1), 'en');

    expect(screen.getByRole('region', { name: 'The steps of your visit' })).toBeTruthy();
    expect(screen.getByText('Your step now: 1 of 2')).toBeTruthy();
    expect(screen.getByText('Waits for the step before')).toBeTruthy();
    expect(screen.getByText('Family card update', { selector: '.lead' })).toBeTruthy();
  });

  it('says where and from when a received file can be collected, and what was missing', () => {
    // Arrange
    const received: TicketStatus = {
      ...STATUS,
      status: 'done',
      finish: { outcome: 'received', ready: { date: '2026-12-14', place: 'mpp' }, missing: [] },
    };
    const incomplete: TicketStatus = {
      ...STATUS,
      status: 'done',
      finish: {
        outcome: 'incomplete',
        ready: null,
        missing: [
          { id: 'Kartu Keluarga asli', en: 'Original family card' },
          { id: 'KTP-el', en: 'KTP-el' },
        ],
      },
    };

    // Act
    const first = showPage(received);
    const receivedText = first.container.textContent;
    first.unmount();
    const second = showPage(incomplete, 'en');

    // Assert
    expect(receivedText).toContain('Berkas diterima untuk diproses di kantor');
    expect(receivedText).toContain('Hasilnya dapat diambil di MPP mulai Senin 14 Desember.');
    expect(second.container.textContent).toContain('Requirements incomplete');
    expect(second.container.textContent).toContain(
      'Please come back with: Original family card, KTP-el.',
    );
  });

  it('lists the coming MPP bergerak visits under their heading', () => {
    // Arrange
    const line = {
      id: 'MPP bergerak: Kelurahan Sukamaju, Kamis 10 Desember, 08.00–14.00, di Balai Kelurahan.',
      en: 'Mobile service: Sukamaju, Thursday 10 December, 08.00–14.00, at Balai Kelurahan.',
    };

    // Act
    showPage({ ...STATUS, visits: [line] });

    // Assert
    const list = screen.getByRole('region', { name: 'Jadwal MPP bergerak' });
    expect(within(list).getByRole('listitem').textContent).toBe(line.id);
  });
});
