/** A citizen's whole walk through the kiosk UI, found by role and name at every step. */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FAKE_TICKET, flowOf, renderKiosk } from './kiosk-harness';

const button = (name: string) => screen.getByRole('button', { name });
const main = () => within(screen.getByRole('main'));
const pressed = (element: HTMLElement) => element.getAttribute('aria-pressed');

/** Every screen: the large-text toggle; every session screen: Kembali and Beranda. */
function expectHeader(options: { back?: boolean } = {}) {
  expect(pressed(button('Teks besar'))).toBe('false');
  expect(screen.queryByRole('button', { name: 'Kembali' }) !== null).toBe(options.back ?? true);
  expect(button('Beranda')).toBeTruthy();
}

describe('kiosk UI: from attract to ticket', () => {
  it('walks agency → service → detail → missing → prerequisite → priority → confirm → ticket', async () => {
    const k = renderKiosk();

    // Attract
    expect(
      screen.getByRole('heading', { name: 'Selamat datang di Mal Pelayanan Publik Kota Contoh' }),
    ).toBeTruthy();
    expect(button('Teks besar')).toBeTruthy();
    fireEvent.click(button('Sentuh untuk mulai'));

    // Agencies: tiles are buttons named exactly by the agency's short name
    expect(screen.getByRole('heading', { name: 'Pilih Instansi' })).toBeTruthy();
    expectHeader();
    expect(button('Disdukcapil')).toBeTruthy();
    expect(button('Imigrasi')).toBeTruthy();
    fireEvent.click(button('BPJS Kesehatan'));

    // Services
    expect(screen.getByRole('heading', { name: 'Pilih Layanan' })).toBeTruthy();
    expectHeader();
    fireEvent.click(button('Perubahan Data Peserta'));

    // Detail: the six parts
    expectHeader();
    for (const heading of [
      'Persyaratan',
      'Alur Pelayanan',
      'Jangka Waktu',
      'Biaya',
      'Produk Layanan',
      'Pengaduan',
    ]) {
      expect(screen.getByRole('heading', { name: heading, level: 2 })).toBeTruthy();
    }
    expect(screen.getByText('Gratis')).toBeTruthy();
    fireEvent.click(button('Periksa Persyaratan'));

    // Checklist
    expect(
      screen.getByRole('heading', { name: 'Apakah Anda membawa dokumen berikut?' }),
    ).toBeTruthy();
    expectHeader();
    expect(screen.getByText('0 dari 1 sudah dijawab')).toBeTruthy();
    expect(button('Lanjut')).toHaveProperty('disabled', true);
    const jkn = within(screen.getByRole('group', { name: 'Kartu JKN' }));
    fireEvent.click(jkn.getByRole('button', { name: 'Belum ada' }));
    expect(pressed(jkn.getByRole('button', { name: 'Belum ada' }))).toBe('true');
    expect(pressed(jkn.getByRole('button', { name: 'Ada' }))).toBe('false');
    expect(screen.getByText('1 dari 1 sudah dijawab')).toBeTruthy();
    fireEvent.click(button('Lanjut'));

    // Missing: plain words, the list, a QR code, paper
    expect(
      screen.getByRole('heading', { name: 'Persyaratan wajib Anda belum lengkap' }),
    ).toBeTruthy();
    expectHeader();
    expect(main().getByRole('listitem').textContent).toBe('Kartu JKN');
    expect(main().getByRole('img', { name: 'Kode QR daftar persyaratan' })).toBeTruthy();
    expect(main().getByText('Pindai kode QR ini untuk menyimpan daftar')).toBeTruthy();
    expect(k.links.missingListUrl).toHaveBeenCalledWith('bpjs-kesehatan-perubahan-data', [
      'kartu-jkn',
    ]);
    fireEvent.click(button('Cetak Daftar'));
    expect(k.printMissingList).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.print-area')?.textContent).toContain(
      'Persyaratan yang belum lengkap',
    );
    fireEvent.click(button('Tetap ambil antrean untuk konsultasi'));

    // Prerequisite
    expectHeader();
    expect(
      screen.getByText(
        'Pastikan Anda telah mengurus Perubahan Kartu Keluarga di Disdukcapil terlebih dahulu',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Data KK harus sudah diperbarui')).toBeTruthy();
    expect(button('Ambil antrean Disdukcapil')).toBeTruthy();
    fireEvent.click(button('Sudah, lanjutkan'));

    // Priority
    expect(
      screen.getByRole('heading', { name: 'Apakah Anda termasuk kelompok prioritas?' }),
    ).toBeTruthy();
    expectHeader();
    for (const name of ['Penyandang disabilitas', 'Ibu hamil', 'Membawa balita', 'Tidak']) {
      expect(button(name)).toBeTruthy();
    }
    expect(screen.getByText('Prioritas akan diverifikasi petugas')).toBeTruthy();
    fireEvent.click(button('Lansia (60 tahun ke atas)'));

    // Confirm
    expectHeader();
    expect(screen.getByText('Perubahan Data Peserta')).toBeTruthy();
    expect(screen.getByText('Lansia (60 tahun ke atas)')).toBeTruthy();
    expect(screen.getByText('untuk konsultasi')).toBeTruthy();
    fireEvent.click(button('Ambil Nomor Antrean'));

    // A quick write: straight to the ticket (a slow one: kiosk-screens.test.tsx)
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Nomor Antrean Anda' })).toBeTruthy(),
    );
    expectHeader({ back: false });
    const ticket = main();
    expect(ticket.getByText('E-007')).toBeTruthy();
    expect(ticket.getByText('BPJS Kesehatan')).toBeTruthy();
    expect(ticket.getByText('Senin, 23 November 2026, pukul 09.15 WIB')).toBeTruthy();
    expect(ticket.getByText('Antrean di depan Anda: 4')).toBeTruthy();
    expect(ticket.getByText('Perkiraan waktu tunggu: ± 20 menit')).toBeTruthy();
    expect(ticket.getByText('Siapkan persyaratan: Kartu JKN')).toBeTruthy();
    expect(ticket.getByRole('img', { name: 'Kode QR tiket E-007' })).toBeTruthy();
    expect(ticket.getByText('Pindai kode QR ini dengan ponsel Anda')).toBeTruthy();
    expect(ticket.getByText('Harap simpan tiket ini')).toBeTruthy();
    expect(k.links.ticketUrl).toHaveBeenCalledWith(expect.objectContaining({ id: FAKE_TICKET.id }));
    expect(k.requests).toEqual([
      expect.objectContaining({
        priority: 'lansia',
        purpose: 'consultation',
        missing: ['kartu-jkn'],
      }),
    ]);
    expect(k.printTicket).toHaveBeenCalledTimes(1); // the profile prints automatically
    expect(document.querySelector('.print-area')?.textContent).toContain('E-007');

    fireEvent.click(button('Cetak Tiket'));
    expect(k.printTicket).toHaveBeenCalledTimes(2);
    expect(button('Cetak Tiket')).toHaveProperty('disabled', true); // two copies at most

    fireEvent.click(button('Selesai'));
    expect(flowOf(k.actor)).toBe('attract');
    expect(button('Sentuh untuk mulai')).toBeTruthy();
  });

  it('asks the conditional question first and lists only the requirements that apply', () => {
    const k = renderKiosk();
    fireEvent.click(button('Sentuh untuk mulai'));
    fireEvent.click(button('Disdukcapil'));
    fireEvent.click(button('Cetak Ulang KTP-el'));
    expect(
      screen.getByText('Hanya jika jawaban Anda “Ya” untuk: Apakah KTP-el Anda hilang?'),
    ).toBeTruthy();
    fireEvent.click(button('Periksa Persyaratan'));

    expect(screen.getByRole('heading', { name: 'Apakah KTP-el Anda hilang?' })).toBeTruthy();
    expectHeader();
    fireEvent.click(button('Tidak'));
    expect(screen.getByRole('group', { name: 'KTP-el lama yang rusak' })).toBeTruthy();
    expect(
      screen.queryByRole('group', { name: 'Surat keterangan kehilangan dari kepolisian' }),
    ).toBeNull();

    fireEvent.click(button('Kembali')); // back to the question, answer cleared
    expect(screen.getByRole('heading', { name: 'Apakah KTP-el Anda hilang?' })).toBeTruthy();
    fireEvent.click(button('Ya'));
    expect(
      screen.getByRole('group', { name: 'Surat keterangan kehilangan dari kepolisian' }),
    ).toBeTruthy();
    expect(k.actor.getSnapshot().context.answers.questions).toEqual({ 'ktp-hilang': true });
  });

  it('checks alternatives one by one, marks Wajib/Tidak wajib, and continues to priority', () => {
    const k = renderKiosk();
    fireEvent.click(button('Sentuh untuk mulai'));
    fireEvent.click(button('Disdukcapil'));
    fireEvent.click(button('Perubahan Kartu Keluarga'));
    expect(screen.getByText('Salah satu dari:')).toBeTruthy();
    fireEvent.click(button('Periksa Persyaratan'));

    const proof = within(screen.getByRole('group', { name: 'Bukti perubahan' }));
    expect(proof.getByText('Salah satu dari:')).toBeTruthy();
    expect(proof.getByText('Wajib')).toBeTruthy();
    const form = within(screen.getByRole('group', { name: 'Formulir F-1.02' }));
    expect(form.getByText('Tidak wajib')).toBeTruthy();
    expect(screen.getByText('0 dari 2 sudah dijawab')).toBeTruthy();

    const marriage = within(proof.getByRole('group', { name: 'Buku nikah' }));
    fireEvent.click(marriage.getByRole('button', { name: 'Ada' }));
    expect(k.actor.getSnapshot().context.answers.marks).toEqual({ 'bukti/buku-nikah': 'present' });
    expect(pressed(marriage.getByRole('button', { name: 'Ada' }))).toBe('true');
    expect(
      pressed(
        within(proof.getByRole('group', { name: 'Akta cerai' })).getByRole('button', {
          name: 'Ada',
        }),
      ),
    ).toBe('false');
    expect(screen.getByText('1 dari 2 sudah dijawab')).toBeTruthy();
    expect(button('Lanjut')).toHaveProperty('disabled', true);

    fireEvent.click(form.getByRole('button', { name: 'Belum ada' }));
    expect(screen.getByText('2 dari 2 sudah dijawab')).toBeTruthy();
    fireEvent.click(button('Lanjut'));
    expect(
      screen.getByRole('heading', { name: 'Apakah Anda termasuk kelompok prioritas?' }),
    ).toBeTruthy();
  });
});
