/** The admin's MPP bergerak visits: the list, the form, removing, and a visit's report. */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdminApiError } from '../../src/app/admin/api';
import type { Visit } from '../../src/domain/config/schema';
import type { VisitReport, VisitReportRow } from '../../src/domain/visit-report';
import type { AdminLanguage } from '../../src/ui/admin/text';
import { type VisitActions, Visits } from '../../src/ui/admin/Visits';
import { kioskBundle, withMobileUnit } from '../fixtures/kiosk';

/** Saturday 5 December 2026. */
const TODAY = '2026-12-05';
const KTP = 'disdukcapil-ktp-el-cetak-ulang';
const KK = 'disdukcapil-kk-perubahan';

const visit = (overrides: Partial<Visit> & Pick<Visit, 'id' | 'date' | 'kelurahan'>): Visit => ({
  place: 'Balai Kelurahan',
  hours: { from: '08:00', to: '14:00' },
  services: [{ service: KTP, quota: 30 }],
  ...overrides,
});
const coming = visit({ id: 'sukamaju-2026-12-10', date: '2026-12-10', kelurahan: 'Sukamaju' });
const twoDays = visit({
  id: 'bukit-indah-2026-12-16',
  date: '2026-12-16',
  until: '2026-12-17',
  kelurahan: 'Bukit Indah',
  kecamatan: 'Cibeunying',
  team: 'tim-2',
  services: [
    { service: KTP, quota: 25 },
    { service: KK, quota: 10 },
  ],
});
const over = visit({ id: 'cempaka-2026-11-20', date: '2026-11-20', kelurahan: 'Cempaka' });

function fakeActions(visits: Visit[]) {
  const list = [...visits];
  return {
    list,
    visits: vi.fn(async () => [...list]),
    saveVisit: vi.fn(async (v: Visit) => {
      list.push(v);
      return v;
    }),
    deleteVisit: vi.fn(async (id: string) => {
      list.splice(
        list.findIndex((v) => v.id === id),
        1,
      );
    }),
    visitReport: vi.fn(async (_id: string): Promise<VisitReport> => {
      throw new Error('no report given');
    }),
    visitReportCsv: vi.fn(async (_id: string) => new Blob(['Layanan;Kuota\r\n'])),
  } satisfies VisitActions & { list: Visit[] };
}

function show(
  actions: VisitActions,
  {
    canWrite = true,
    lang = 'id' as AdminLanguage,
  }: { canWrite?: boolean; lang?: AdminLanguage } = {},
) {
  return render(
    <Visits
      lang={lang}
      config={withMobileUnit(kioskBundle())}
      actions={actions}
      canWrite={canWrite}
      today={TODAY}
    />,
  );
}

const table = () => screen.getByRole('table');
const rowsText = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].slice(0, 6).map((c) => c.textContent));
const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });
const checkbox = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const button = (name: string) => screen.queryByRole('button', { name });

afterEach(() => vi.restoreAllMocks());

describe('admin UI: MPP bergerak visits', () => {
  it('lists the coming visits soonest first, then those over, with days, place, hours, team and quotas', async () => {
    // Arrange
    const actions = fakeActions([over, twoDays, coming]);

    // Act
    show(actions);
    await screen.findByRole('table');

    // Assert
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Kunjungan MPP bergerak');
    expect(rowsText()).toEqual([
      [
        'Kamis 10 Desember',
        'Kelurahan SukamajuBalai Kelurahan',
        '08.00–14.00',
        'tim-1 (bawaan)',
        'Cetak Ulang KTP-el: 30 per hari',
        'Akan datang',
      ],
      [
        'Rabu 16 Desember sampai Kamis 17 Desember',
        'Kelurahan Bukit Indah, Kecamatan CibeunyingBalai Kelurahan',
        '08.00–14.00',
        'tim-2',
        'Cetak Ulang KTP-el: 25 per hariPerubahan Kartu Keluarga: 10 per hari',
        'Akan datang',
      ],
      [
        'Jumat 20 November',
        'Kelurahan CempakaBalai Kelurahan',
        '08.00–14.00',
        'tim-1 (bawaan)',
        'Cetak Ulang KTP-el: 30 per hari',
        'Sudah lewat',
      ],
    ]);
  });

  it('speaks English too, with the year of a visit of another year', async () => {
    // Arrange
    const actions = fakeActions([
      visit({ id: 'lama-2025-12-01', date: '2025-12-01', kelurahan: 'Lama' }),
    ]);

    // Act
    show(actions, { lang: 'en' });
    await screen.findByRole('table');

    // Assert
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('MPP bergerak visits');
    expect(rowsText()[0]?.[0]).toBe('Monday 1 December 2025');
    expect(rowsText()[0]?.[5]).toBe('Over');
    expect(button('Report: Lama, Monday 1 December 2025')).not.toBeNull();
  });

  it('adds a visit: sends exactly the visit the form says, then lists it and empties the form', async () => {
    // Arrange
    const actions = fakeActions([coming]);
    show(actions);
    await screen.findByRole('table');

    // Act
    type('Kelurahan', 'Tanjung Harapan');
    type('Kecamatan (opsional)', 'Coblong');
    type('Tempat (mis. Balai Kelurahan Sukamaju)', 'Aula RW 05');
    type('Hari pertama', '2026-12-20');
    type('Hari terakhir (opsional)', '2026-12-21');
    type('Jam buka', '09:00');
    type('Jam tutup', '13:30');
    const suggested = field('Kode kunjungan').value;
    fireEvent.click(screen.getByRole('checkbox', { name: 'Perubahan Kartu Keluarga' }));
    type('Kuota per hari, Perubahan Kartu Keluarga', '15');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Cetak Ulang KTP-el' }));
    type('Kuota per hari, Cetak Ulang KTP-el', '40');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kunjungan' }));
    await waitFor(() => expect(rowsText()).toHaveLength(2));

    // Assert
    expect(suggested).toBe('tanjung-harapan-2026-12-20');
    expect(actions.saveVisit).toHaveBeenCalledTimes(1);
    expect(actions.saveVisit.mock.calls[0]?.[0]).toStrictEqual({
      id: 'tanjung-harapan-2026-12-20',
      date: '2026-12-20',
      until: '2026-12-21',
      kelurahan: 'Tanjung Harapan',
      kecamatan: 'Coblong',
      place: 'Aula RW 05',
      hours: { from: '09:00', to: '13:30' },
      services: [
        { service: KTP, quota: 40 },
        { service: KK, quota: 15 },
      ],
    });
    expect(rowsText()[1]?.[0]).toBe('Minggu 20 Desember sampai Senin 21 Desember');
    expect(field('Kelurahan').value).toBe('');
    expect(field('Kode kunjungan').value).toBe('');
    expect(checkbox('Cetak Ulang KTP-el').checked).toBe(false);
  });

  it('shows every issue of a refusal and keeps what was typed', async () => {
    // Arrange
    const actions = fakeActions([]);
    actions.saveVisit.mockRejectedValueOnce(
      new AdminApiError(422, 'invalid_visit', 'The visit is not valid; see issues.', [
        { path: 'visits/sukamaju-x.json /hours', message: 'jam buka harus sebelum jam tutup' },
        { path: 'visits/sukamaju-x.json /team', message: 'tim-9 sudah di Cempaka hari itu' },
      ]),
    );
    show(actions);
    await screen.findByText('Belum ada kunjungan.');

    // Act
    type('Kode kunjungan', 'sukamaju-x');
    type('Kelurahan', 'Sukamaju');
    type('Tempat (mis. Balai Kelurahan Sukamaju)', 'Balai Kelurahan');
    type('Hari pertama', '2026-12-10');
    type('Jam buka', '14:00');
    type('Jam tutup', '08:00');
    type('Tim (opsional)', 'tim-9');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Cetak Ulang KTP-el' }));
    type('Kuota per hari, Cetak Ulang KTP-el', '30');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kunjungan' }));
    const alert = await screen.findByRole('alert');

    // Assert
    expect(actions.saveVisit.mock.calls[0]?.[0]).toStrictEqual({
      id: 'sukamaju-x',
      date: '2026-12-10',
      team: 'tim-9',
      kelurahan: 'Sukamaju',
      place: 'Balai Kelurahan',
      hours: { from: '14:00', to: '08:00' },
      services: [{ service: KTP, quota: 30 }],
    });
    expect([...alert.querySelectorAll('p, li')].map((e) => e.textContent)).toEqual([
      'The visit is not valid; see issues.',
      'visits/sukamaju-x.json /hours jam buka harus sebelum jam tutup',
      'visits/sukamaju-x.json /team tim-9 sudah di Cempaka hari itu',
    ]);
    expect(field('Kode kunjungan').value).toBe('sukamaju-x');
    expect(field('Kelurahan').value).toBe('Sukamaju');
    expect(field('Jam buka').value).toBe('14:00');
    expect(field('Jam tutup').value).toBe('08:00');
    expect(field('Tim (opsional)').value).toBe('tim-9');
    expect(field('Kuota per hari, Cetak Ulang KTP-el').value).toBe('30');
    expect(checkbox('Cetak Ulang KTP-el').checked).toBe(true);
  });

  it('says a visit needs a service before sending anything', async () => {
    // Arrange
    const actions = fakeActions([]);
    show(actions);
    await screen.findByText('Belum ada kunjungan.');

    // Act
    type('Kelurahan', 'Sukamaju');
    fireEvent.submit(screen.getByRole('form', { name: 'Tambah kunjungan' }));

    // Assert
    expect(screen.getByRole('alert').textContent).toBe('Pilih sedikitnya satu layanan.');
    expect(actions.saveVisit).not.toHaveBeenCalled();
  });

  it('changes a coming visit: the form holds it, its id stays, and the change is sent', async () => {
    // Arrange
    const actions = fakeActions([twoDays]);
    show(actions);
    await screen.findByRole('table');

    // Act
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Ubah: Bukit Indah, Rabu 16 Desember sampai Kamis 17 Desember',
      }),
    );
    const heading = screen.getByRole('heading', { level: 2 }).textContent;
    const held = [
      'Kelurahan',
      'Kecamatan (opsional)',
      'Hari terakhir (opsional)',
      'Tim (opsional)',
    ].map((name) => field(name).value);
    const idField = screen.queryByLabelText('Kode kunjungan');
    type('Tempat (mis. Balai Kelurahan Sukamaju)', 'Gedung Serbaguna');
    type('Kuota per hari, Perubahan Kartu Keluarga', '12');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kunjungan' }));
    await waitFor(() => expect(actions.visits).toHaveBeenCalledTimes(2));

    // Assert
    expect(heading).toBe('Ubah kunjungan bukit-indah-2026-12-16');
    expect(held).toEqual(['Bukit Indah', 'Cibeunying', '2026-12-17', 'tim-2']);
    expect(idField).toBeNull();
    expect(actions.saveVisit.mock.calls[0]?.[0]).toStrictEqual({
      ...twoDays,
      place: 'Gedung Serbaguna',
      services: [
        { service: KTP, quota: 25 },
        { service: KK, quota: 12 },
      ],
    });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Tambah kunjungan');
  });

  it('removes a visit only after asking, saying what it does', async () => {
    // Arrange
    const actions = fakeActions([coming, twoDays]);
    show(actions);
    await screen.findByRole('table');

    // Act
    fireEvent.click(screen.getByRole('button', { name: 'Hapus: Sukamaju, Kamis 10 Desember' }));
    const question = screen.getByRole('alertdialog').textContent;
    const calledBefore = actions.deleteVisit.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Ya, hapus' }));
    await waitFor(() => expect(rowsText()).toHaveLength(1));

    // Assert
    expect(question).toContain(
      'Hapus kunjungan ke Kelurahan Sukamaju (Kamis 10 Desember)? Kunjungan ini hilang dari jadwal',
    );
    expect(calledBefore).toBe(0);
    expect(actions.deleteVisit).toHaveBeenCalledWith('sukamaju-2026-12-10');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(rowsText()[0]?.[0]).toBe('Rabu 16 Desember sampai Kamis 17 Desember');
  });

  it('keeps a visit when the question is cancelled', async () => {
    // Arrange
    const actions = fakeActions([coming]);
    show(actions);
    await screen.findByRole('table');

    // Act
    fireEvent.click(screen.getByRole('button', { name: 'Hapus: Sukamaju, Kamis 10 Desember' }));
    fireEvent.click(screen.getByRole('button', { name: 'Batal' }));

    // Assert
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(actions.deleteVisit).not.toHaveBeenCalled();
  });

  it('offers no change or removal of a visit that is over, only its report', async () => {
    // Arrange
    const actions = fakeActions([over, coming]);

    // Act
    show(actions);
    await screen.findByRole('table');

    // Assert
    expect(button('Ubah: Cempaka, Jumat 20 November')).toBeNull();
    expect(button('Hapus: Cempaka, Jumat 20 November')).toBeNull();
    expect(button('Laporan: Cempaka, Jumat 20 November')).not.toBeNull();
    expect(button('Ubah: Sukamaju, Kamis 10 Desember')).not.toBeNull();
    expect(button('Hapus: Sukamaju, Kamis 10 Desember')).not.toBeNull();
  });

  it('gives a supervisor the list and reports, without the form or changes', async () => {
    // Arrange
    const actions = fakeActions([coming]);

    // Act
    show(actions, { canWrite: false });
    await screen.findByRole('table');

    // Assert
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Simpan kunjungan' })).toBeNull();
    expect(button('Ubah: Sukamaju, Kamis 10 Desember')).toBeNull();
    expect(button('Hapus: Sukamaju, Kamis 10 Desember')).toBeNull();
    expect(button('Laporan: Sukamaju, Kamis 10 Desember')).not.toBeNull();
  });

  it('shows a visit’s report per service and in total, and downloads its CSV', async () => {
    // Arrange
    const row = (serviceId: string, figures: Partial<VisitReportRow>): VisitReportRow => ({
      serviceId,
      quota: 0,
      issued: 0,
      served: 0,
      received: 0,
      incomplete: 0,
      noShows: 0,
      open: 0,
      averageWaitMs: null,
      longestWaitMs: null,
      ...figures,
    });
    const report: VisitReport = {
      visitId: twoDays.id,
      days: ['2026-12-16', '2026-12-17'],
      rows: [
        row(KTP, {
          quota: 50,
          issued: 42,
          served: 30,
          received: 5,
          incomplete: 3,
          noShows: 2,
          open: 2,
          averageWaitMs: 750_000,
          longestWaitMs: 2_430_000,
        }),
        row(KK, { quota: 20, issued: 0 }),
      ],
      total: row('', {
        quota: 70,
        issued: 42,
        served: 30,
        received: 5,
        incomplete: 3,
        noShows: 2,
        open: 2,
        averageWaitMs: 750_000,
        longestWaitMs: 2_430_000,
      }),
    };
    const actions = fakeActions([twoDays]);
    actions.visitReport.mockResolvedValueOnce(report);
    const blob = new Blob(['csv']);
    actions.visitReportCsv.mockResolvedValueOnce(blob);
    const made = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:kunjungan');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download });
    });
    show(actions);
    await screen.findByRole('table');

    // Act
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Laporan: Bukit Indah, Rabu 16 Desember sampai Kamis 17 Desember',
      }),
    );
    const panel = (
      await screen.findByRole('heading', {
        name: 'Laporan Kelurahan Bukit Indah, Rabu 16 Desember sampai Kamis 17 Desember',
      })
    ).closest('section') as HTMLElement;
    const reportTable = await within(panel).findByRole('table');
    const lines = within(reportTable)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    fireEvent.click(within(panel).getByRole('button', { name: 'Unduh CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(1));

    // Assert
    expect(actions.visitReport).toHaveBeenCalledWith('bukit-indah-2026-12-16');
    expect(lines).toEqual([
      [
        'Layanan',
        'Terbit',
        'Selesai dilayani',
        'Berkas diterima',
        'Persyaratan kurang',
        'Tidak hadir',
        'Belum selesai',
        'Rata-rata tunggu (menit)',
        'Tunggu terlama (menit)',
        'Kuota terpakai',
      ],
      ['Cetak Ulang KTP-el', '42', '30', '5', '3', '2', '2', '12,5', '40,5', '42 dari 50'],
      ['Perubahan Kartu Keluarga', '0', '0', '0', '0', '0', '0', '—', '—', '0 dari 20'],
      ['Jumlah', '42', '30', '5', '3', '2', '2', '12,5', '40,5', '42 dari 70'],
    ]);
    expect(actions.visitReportCsv).toHaveBeenCalledWith('bukit-indah-2026-12-16');
    expect(made).toHaveBeenCalledWith(blob);
    expect(clicked).toEqual([
      { href: 'blob:kunjungan', download: 'kunjungan-bukit-indah-2026-12-16.csv' },
    ]);
  });
});
