/** Navigation, display mode, language, search, availability and failures of the kiosk UI. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Availability } from '../../src/domain/availability';
import { addDays } from '../../src/domain/lease-days';
import { businessDayOf } from '../../src/domain/time';
import { IssueError } from '../../src/machines/kiosk.types';
import { sampleCatalogue } from '../fixtures/catalogue';
import { kioskBundle, kioskProfile } from '../fixtures/kiosk';
import { FAKE_TICKET, flowOf, renderKiosk } from './kiosk-harness';

const button = (name: string) => screen.getByRole('button', { name });
const heading = (name: string) => screen.getByRole('heading', { name });
const pressed = (element: HTMLElement) => element.getAttribute('aria-pressed');
const search = (query: string) =>
  fireEvent.input(screen.getByRole('searchbox', { name: 'Cari instansi atau layanan…' }), {
    target: { value: query },
  });

function setAvailability(
  k: ReturnType<typeof renderKiosk>,
  availability: Record<string, Availability>,
) {
  act(() => k.actor.send({ type: 'availability.updated', availability }));
}

function openService(agency: string, service: string) {
  fireEvent.click(button('Sentuh untuk mulai'));
  fireEvent.click(button(agency));
  fireEvent.click(button(service));
}

/** A passport ticket, every document present, no priority: taps "Ambil Nomor Antrean". */
function confirmPassport() {
  openService('Imigrasi', 'Paspor Baru');
  fireEvent.click(button('Periksa Persyaratan'));
  fireEvent.click(button('Ada'));
  fireEvent.click(button('Lanjut'));
  fireEvent.click(button('Tidak'));
  fireEvent.click(button('Ambil Nomor Antrean'));
}

describe('kiosk UI: header and display', () => {
  it('goes back one screen with Kembali and to the agency grid with Beranda', () => {
    const k = renderKiosk();
    openService('Disdukcapil', 'Perubahan Kartu Keluarga');
    fireEvent.click(button('Kembali'));
    expect(heading('Pilih Layanan')).toBeTruthy();
    fireEvent.click(button('Kembali'));
    expect(heading('Pilih Instansi')).toBeTruthy();

    search('paspor');
    fireEvent.click(button('Paspor Baru'));
    expect(heading('Paspor Baru')).toBeTruthy();
    fireEvent.click(button('Beranda'));
    expect(heading('Pilih Instansi')).toBeTruthy();
    expect(k.actor.getSnapshot().context.query).toBe('');
    expect(
      (screen.getByRole('searchbox', { name: 'Cari instansi atau layanan…' }) as HTMLInputElement)
        .value,
    ).toBe('');

    fireEvent.click(button('Kembali'));
    expect(flowOf(k.actor)).toBe('attract');
  });

  it('toggles large text and high contrast on the attract screen and inside the session', () => {
    const { container } = renderKiosk();
    const root = container.firstElementChild as HTMLElement;
    expect(root.lang).toBe('id');
    expect(pressed(button('Teks besar'))).toBe('false');

    fireEvent.click(button('Teks besar'));
    expect(pressed(button('Teks besar'))).toBe('true');
    expect(root.classList.contains('kiosk--large')).toBe(true);
    expect(heading('Selamat datang di Mal Pelayanan Publik Kota Contoh')).toBeTruthy(); // not started

    fireEvent.click(button('Sentuh untuk mulai'));
    expect(pressed(button('Teks besar'))).toBe('true');
    fireEvent.click(button('Teks besar'));
    expect(pressed(button('Teks besar'))).toBe('false');
    expect(root.classList.contains('kiosk--large')).toBe(false);
  });

  it('starts in English from the attract screen and switches language from the header', () => {
    const { container } = renderKiosk();
    const root = container.firstElementChild as HTMLElement;
    fireEvent.click(button('English'));
    expect(heading('Choose an Agency')).toBeTruthy();
    expect(root.lang).toBe('en');
    expect(button('Back')).toBeTruthy();
    expect(button('Large text')).toBeTruthy();
    expect(button('Civil Registry')).toBeTruthy();

    fireEvent.click(button('Bahasa Indonesia'));
    expect(heading('Pilih Instansi')).toBeTruthy();
    expect(root.lang).toBe('id');
  });

  it('reports touches and keys as activity, in the capture phase', () => {
    const k = renderKiosk();
    fireEvent.click(button('Sentuh untuk mulai'));
    const sent = vi.spyOn(k.actor, 'send');
    fireEvent.pointerDown(button('Disdukcapil'));
    fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'a' });
    expect(sent.mock.calls.filter(([event]) => event.type === 'activity')).toHaveLength(2);
  });
});

describe('kiosk UI: search', () => {
  const catalogue = () =>
    renderKiosk({ config: kioskBundle({ agencies: sampleCatalogue() }), profile: kioskProfile() });

  it('finds "antrian" as the service spelt "Antrean" and opens its detail directly', () => {
    catalogue();
    fireEvent.click(button('Sentuh untuk mulai'));
    search('antrian');
    const services = within(screen.getByRole('region', { name: 'Layanan' }));
    expect(services.getAllByRole('button').map((b) => b.textContent)).toEqual([
      expect.stringContaining('Cek Status Nomor Antrean'),
    ]);
    expect(screen.queryByRole('button', { name: 'Imigrasi' })).toBeNull();
    fireEvent.click(button('Cek Status Nomor Antrean'));
    expect(heading('Cek Status Nomor Antrean')).toBeTruthy();
  });

  it('finds "e-KTP" services, and agencies by name as tiles', () => {
    catalogue();
    fireEvent.click(button('Sentuh untuk mulai'));
    search('e-KTP');
    expect(button('Penerbitan KTP-el Baru')).toBeTruthy();
    expect(button('Cetak Ulang KTP-el Rusak/Hilang')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Dukcapil' })).toBeNull();

    search('imigrasi');
    expect(button('Imigrasi')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Dukcapil' })).toBeNull();

    search('zzz');
    expect(
      screen.getByText('Tidak ada hasil untuk “zzz”. Coba kata lain atau minta bantuan petugas.'),
    ).toBeTruthy();
  });
});

describe('kiosk UI: availability before the citizen invests time', () => {
  it('shows "Kuota habis" on the tile and the row, and no way into the requirements', async () => {
    const k = renderKiosk();
    setAvailability(k, {
      'imigrasi-paspor-baru': { state: 'quota-exhausted' },
      'imigrasi-paspor-anak': { state: 'quota-exhausted' },
    });
    fireEvent.click(button('Sentuh untuk mulai'));
    const tile = button('Imigrasi');
    expect(within(tile).getByText('Kuota habis')).toBeTruthy();
    fireEvent.click(tile);
    expect(within(button('Paspor Baru')).getByText('Kuota habis')).toBeTruthy();
    fireEvent.click(button('Paspor Baru'));
    expect(await screen.findByText('Kuota layanan hari ini telah habis')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Periksa Persyaratan' })).toBeNull();
  });

  it('shows remaining quota, closed hours and "Tidak tersedia di MPP ini"', async () => {
    const k = renderKiosk();
    setAvailability(k, {
      'imigrasi-paspor-baru': { state: 'open', remaining: 5 },
      'disdukcapil-ktp-el-cetak-ulang': { state: 'closed', reason: 'hours' },
      'disdukcapil-kk-perubahan': { state: 'closed', reason: 'not-offered' },
    });
    fireEvent.click(button('Sentuh untuk mulai'));
    expect(within(button('Disdukcapil')).getByText('Tutup')).toBeTruthy();
    fireEvent.click(button('Imigrasi'));
    expect(within(button('Paspor Baru')).getByText('Sisa kuota hari ini: 5')).toBeTruthy();

    fireEvent.click(button('Beranda'));
    fireEvent.click(button('Disdukcapil'));
    expect(
      within(button('Perubahan Kartu Keluarga')).getByText('Tidak tersedia di MPP ini'),
    ).toBeTruthy();
    fireEvent.click(button('Cetak Ulang KTP-el'));
    expect(await screen.findByText('Layanan sedang tutup')).toBeTruthy();
    expect(
      screen.getByText('Jam layanan: Senin–Kamis 08.00–15.00; Jumat 08.00–11.30, 13.00–15.00'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Periksa Persyaratan' })).toBeNull();
  });
});

describe('kiosk UI: while a ticket is written', () => {
  it('keeps Confirm for a quick write, and says "Menyimpan tiket…" only when it is slow', async () => {
    let finish: (ticket: typeof FAKE_TICKET) => void = () => {};
    renderKiosk({ issue: () => new Promise((resolve) => (finish = resolve)) });
    confirmPassport();
    // At once: the same Confirm screen, no status in between (its buttons do nothing now).
    expect(button('Ambil Nomor Antrean')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(button('Beranda'));
    expect(button('Ambil Nomor Antrean')).toBeTruthy();
    // A slow write: the status replaces it, with nothing to press.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Menyimpan tiket…'));
    // Its heading has the focus, as every screen's: a screen reader says where the kiosk is.
    expect(document.activeElement?.textContent).toBe('Menyimpan tiket…');
    expect(screen.queryByRole('button', { name: 'Beranda' })).toBeNull();
    act(() => finish(FAKE_TICKET));
    await waitFor(() => expect(heading('Nomor Antrean Anda')).toBeTruthy());
  });
});

describe('kiosk UI: failures', () => {
  it('says the quota ran out while issuing, with Kembali and Beranda', async () => {
    renderKiosk({
      issue: async () => {
        throw new IssueError('quota-exhausted');
      },
    });
    confirmPassport();
    await waitFor(() => expect(heading('Kuota layanan hari ini telah habis')).toBeTruthy());
    expect(button('Teks besar')).toBeTruthy();
    expect(button('Beranda')).toBeTruthy();
    fireEvent.click(button('Kembali'));
    expect(heading('Pilih Layanan')).toBeTruthy();
  });

  it('says what the citizen can do instead: the next visit with the service, another day', async () => {
    // Arrange: a visit tomorrow (by the real clock) that carries the passport service.
    const tomorrow = addDays(businessDayOf(Date.now(), 'Asia/Jakarta'), 1);
    const visit = {
      id: 'besok',
      date: tomorrow,
      kelurahan: 'Sukamaju',
      place: 'Balai Kelurahan',
      hours: { from: '08:00', to: '12:00' },
      services: [{ service: 'imigrasi-paspor-baru', quota: 20 }],
    };
    renderKiosk({
      config: kioskBundle({ visits: [visit] }),
      issue: async () => {
        throw new IssueError('quota-exhausted');
      },
    });

    // Act
    confirmPassport();
    const instead = await screen.findByRole('region', { name: 'Yang dapat Anda lakukan' });

    // Assert
    expect(instead.textContent).toContain(
      'Datang ke MPP bergerak berikutnya yang membawa layanan ini:',
    );
    expect(instead.textContent).toContain('MPP bergerak: Kelurahan Sukamaju,');
    // Another day at this MPP (a lobby kiosk: the citizen is at the MPP already).
    expect(instead.textContent).toMatch(/Datang lagi \w+ \d+ \w+, pukul 08\.00–\d\d\.\d\d WIB\./);
    expect(instead.textContent).not.toContain('Atau datang ke');
  });

  it('shows out-of-service in both languages when storage fails', () => {
    const k = renderKiosk();
    act(() => k.actor.send({ type: 'storage.failed' }));
    expect(heading('Anjungan tidak dapat menyimpan — hubungi petugas')).toBeTruthy();
    expect(screen.getByText('This kiosk cannot save — please contact staff')).toBeTruthy();
    expect(button('Teks besar')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Beranda' })).toBeNull();
  });

  it('hides the print buttons when the kiosk has no printer', () => {
    renderKiosk({
      profile: kioskProfile({ printer: { kind: 'none', paperWidth: 58, autoPrint: false } }),
    });
    openService('BPJS Kesehatan', 'Perubahan Data Peserta');
    fireEvent.click(button('Periksa Persyaratan'));
    fireEvent.click(button('Belum ada'));
    fireEvent.click(button('Lanjut'));
    expect(screen.getByRole('img', { name: 'Kode QR daftar persyaratan' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cetak Daftar' })).toBeNull();
  });
});
