/**
 * Bad news first: a closed MPP on the attract screen, a service that cannot take a number
 * (the notice and its alternatives before the standard), a spent quota with a way to
 * another service, and a missing list whose first choice is keeping it.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Availability } from '../../src/domain/availability';
import type { ConfigBundle } from '../../src/domain/config/schema';
import { addDays } from '../../src/domain/lease-days';
import { businessDayOf } from '../../src/domain/time';
import { ensureStrings } from '../../src/ui/i18n';
import { kioskBundle } from '../fixtures/kiosk';
import { flowOf, renderKiosk } from './kiosk-harness';

const button = (name: string) => screen.getByRole('button', { name });

/** The test world with M-Paspor for Imigrasi and a visit tomorrow that carries passports. */
function world(): ConfigBundle {
  const config = kioskBundle({
    visits: [
      {
        id: 'besok',
        date: addDays(businessDayOf(Date.now(), 'Asia/Jakarta'), 1),
        kelurahan: 'Sukamaju',
        place: 'Balai Kelurahan',
        hours: { from: '08:00', to: '12:00' },
        services: [{ service: 'imigrasi-paspor-baru', quota: 20 }],
      },
    ],
  });
  const imigrasi = config.agencies.find((a) => a.id === 'imigrasi');
  if (imigrasi) {
    imigrasi.onlineChannels = [
      {
        kind: 'app',
        name: { id: 'M-Paspor', en: 'M-Paspor' },
        address: 'Google Play, App Store',
        note: { id: 'Ajukan paspor dari rumah', en: 'Apply from home' },
      },
    ];
  }
  return config;
}

function setAvailability(
  k: ReturnType<typeof renderKiosk>,
  availability: Record<string, Availability>,
) {
  act(() => k.actor.send({ type: 'availability.updated', availability }));
}

/** Every service of the test world closed by the hours. */
const allClosed = (config: ConfigBundle): Record<string, Availability> =>
  Object.fromEntries(
    config.agencies.flatMap((a) =>
      a.services.map((s) => [s.id, { state: 'closed', reason: 'hours' } as const]),
    ),
  );

describe('bad news first: the attract screen while the MPP is closed', () => {
  it('says it is closed, when it opens and what can still be done; no "Sentuh untuk mulai"', async () => {
    const config = world();
    const k = renderKiosk({ config });
    expect(button('Sentuh untuk mulai')).toBeTruthy();

    setAvailability(k, allClosed(config));

    const title = screen.getByRole('heading', { level: 1 });
    expect(title.textContent).toBe('Mal Pelayanan Publik Kota Contoh sedang tutup');
    expect(screen.queryByRole('button', { name: 'Sentuh untuk mulai' })).toBeNull();
    const next = await screen.findByText(/^Buka lagi .+, pukul 08\.00–\d\d\.\d\d WIB\.$/);
    const browse = button('Lihat layanan dan persyaratan');
    // In reading order: the heading, when it opens, then the way in.
    expect(title.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(next.compareDocumentPosition(browse) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText(/mencetak daftar persyaratan/)).toBeTruthy();
    fireEvent.click(browse);
    expect(flowOf(k.actor)).toBe('agencies');
  });

  it('says so in English too', async () => {
    await ensureStrings('en');
    const config = world();
    const k = renderKiosk({ config });
    setAvailability(k, allClosed(config));
    act(() => k.actor.send({ type: 'language.set', lang: 'en' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Public Service Mall of Contoh is closed now',
    );
    expect(await screen.findByText(/^Opens again .+, 08\.00–\d\d\.\d\d WIB\.$/)).toBeTruthy();
    expect(button('See services and requirements')).toBeTruthy();
  });

  it('is not closed when only some services are, or one is merely not offered here', () => {
    const config = world();
    const k = renderKiosk({ config });
    setAvailability(k, {
      ...allClosed(config),
      'imigrasi-paspor-baru': { state: 'quota-exhausted' },
    });
    expect(button('Sentuh untuk mulai')).toBeTruthy();
    setAvailability(k, { 'imigrasi-paspor-baru': { state: 'closed', reason: 'not-offered' } });
    expect(button('Sentuh untuk mulai')).toBeTruthy();
  });
});

describe('bad news first: a service that cannot take a number now', () => {
  it('puts the notice and its alternatives before the standard, with print and another service', async () => {
    const k = renderKiosk({ config: world() });
    setAvailability(k, { 'imigrasi-paspor-baru': { state: 'quota-exhausted' } });
    fireEvent.click(button('Sentuh untuk mulai'));
    fireEvent.click(button('Imigrasi'));
    fireEvent.click(button('Paspor Baru'));

    const notice = await screen.findByRole('region', {
      name: 'Kuota layanan hari ini telah habis',
    });
    const requirements = screen.getByRole('heading', { name: 'Persyaratan', level: 2 });
    expect(
      notice.compareDocumentPosition(requirements) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    const instead = within(notice).getByRole('region', { name: 'Yang dapat Anda lakukan' });
    expect(instead.textContent).toMatch(/Datang lagi \w+ \d+ \w+, pukul 08\.00–\d\d\.\d\d WIB\./);
    expect(instead.textContent).toContain('MPP bergerak: Kelurahan Sukamaju,');
    expect(instead.textContent).toContain('Aplikasi M-Paspor: Google Play, App Store');
    expect(screen.queryByRole('button', { name: 'Periksa Persyaratan' })).toBeNull();

    fireEvent.click(within(notice).getByRole('button', { name: 'Cetak daftar persyaratan' }));
    expect(k.printMissingList).toHaveBeenCalledTimes(1);
    // The paper holds the whole list, each requirement marked, and the service page's QR.
    const paper = () => k.container.querySelector('.print-area')?.textContent ?? '';
    await waitFor(() => expect(paper()).toContain('• KTP-el (Wajib)'));
    expect(k.links.missingListUrl).toHaveBeenCalledWith('imigrasi-paspor-baru', []);

    fireEvent.click(within(notice).getByRole('button', { name: 'Pilih layanan lain' }));
    expect(flowOf(k.actor)).toBe('services');
  });

  it('tells a closed service’s hours and next opening, and one not offered here its channels', async () => {
    const k = renderKiosk({ config: world() });
    setAvailability(k, {
      'imigrasi-paspor-baru': { state: 'closed', reason: 'hours' },
      'imigrasi-paspor-anak': { state: 'closed', reason: 'not-offered' },
      'disdukcapil-kk-perubahan': { state: 'open', remaining: null },
    });
    fireEvent.click(button('Sentuh untuk mulai'));
    fireEvent.click(button('Imigrasi'));
    fireEvent.click(button('Paspor Baru'));
    const closed = await screen.findByRole('region', { name: 'Layanan sedang tutup' });
    expect(closed.textContent).toContain('Jam layanan: Senin–Kamis 08.00–15.00');
    expect(closed.textContent).toMatch(
      /Datang lagi (hari ini|\w+ \d+ \w+,) pukul \d\d\.\d\d–\d\d\.\d\d WIB\./,
    );

    fireEvent.click(button('Pilih layanan lain'));
    fireEvent.click(button('Paspor Anak'));
    const notHere = await screen.findByRole('region', {
      name: 'Layanan ini tidak tersedia di MPP ini',
    });
    expect(notHere.textContent).not.toContain('Datang lagi');
    expect(notHere.textContent).toContain('Urus secara daring, tanpa antre:');
  });
});

describe('bad news first: a quota found spent while issuing', () => {
  it('gives the alternatives and a way to choose another service', async () => {
    const k = renderKiosk({
      config: world(),
      issue: async () => {
        const { IssueError } = await import('../../src/machines/kiosk.types');
        throw new IssueError('quota-exhausted');
      },
    });
    fireEvent.click(button('Sentuh untuk mulai'));
    fireEvent.click(button('Imigrasi'));
    fireEvent.click(button('Paspor Baru'));
    fireEvent.click(button('Periksa Persyaratan'));
    fireEvent.click(button('Ada'));
    fireEvent.click(button('Lanjut'));
    fireEvent.click(button('Tidak'));
    fireEvent.click(button('Ambil Nomor Antrean'));
    const instead = await screen.findByRole('region', { name: 'Yang dapat Anda lakukan' });
    expect(instead.textContent).toContain('Aplikasi M-Paspor: Google Play, App Store');
    expect(instead.textContent).toContain('Ajukan paspor dari rumah');
    fireEvent.click(button('Pilih layanan lain'));
    await waitFor(() => expect(flowOf(k.actor)).toBe('services'));
  });
});

describe('bad news first on a mobile unit', () => {
  it('sends a spent quota to the MPP itself and to a later visit, never its own; no closed MPP', async () => {
    const config = world();
    const today = businessDayOf(Date.now(), 'Asia/Jakarta');
    config.visits.push({
      id: 'hari-ini',
      date: today,
      kelurahan: 'Bukit Indah',
      place: 'Balai RW',
      hours: { from: '08:00', to: '12:00' },
      services: [{ service: 'imigrasi-paspor-baru', quota: 20 }],
    });
    for (const a of config.agencies) for (const s of a.services) s.offeredAt = ['lobby', 'mobile'];
    const k = renderKiosk({
      config,
      place: 'mobile',
      issue: async () => {
        const { IssueError } = await import('../../src/machines/kiosk.types');
        throw new IssueError('quota-exhausted');
      },
    });
    setAvailability(k, allClosed(config));
    expect(button('Sentuh untuk mulai')).toBeTruthy();
    setAvailability(k, {});
    fireEvent.click(button('Sentuh untuk mulai'));
    fireEvent.click(button('Imigrasi'));
    fireEvent.click(button('Paspor Baru'));
    fireEvent.click(button('Periksa Persyaratan'));
    fireEvent.click(button('Ada'));
    fireEvent.click(button('Lanjut'));
    fireEvent.click(button('Tidak'));
    fireEvent.click(button('Ambil Nomor Antrean'));
    const instead = await screen.findByRole('region', { name: 'Yang dapat Anda lakukan' });
    expect(instead.textContent).toMatch(/Atau datang ke .+, Jl\. Merdeka No\. 1\. Jam buka: .+\./);
    expect(instead.textContent).toContain('Kelurahan Sukamaju');
    expect(instead.textContent).not.toContain('Bukit Indah');
    expect(instead.textContent).not.toContain('Datang lagi');
  });
});

describe('bad news first: missing documents', () => {
  it('offers keeping the list first and big; consulting anyway comes last, plain', async () => {
    renderKiosk();
    fireEvent.click(button('Sentuh untuk mulai'));
    fireEvent.click(button('BPJS Kesehatan'));
    fireEvent.click(button('Perubahan Data Peserta'));
    fireEvent.click(button('Periksa Persyaratan'));
    fireEvent.click(button('Belum ada'));
    fireEvent.click(button('Lanjut'));
    await screen.findByRole('heading', { name: 'Persyaratan wajib Anda belum lengkap' });
    const main = screen.getByRole('main');
    const buttons = within(main).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Cetak Daftar',
      'Tetap ambil antrean untuk konsultasi',
    ]);
    expect(buttons[0]?.className).toContain('btn--primary');
    expect(buttons[1]?.className).not.toContain('btn--primary');
  });
});
