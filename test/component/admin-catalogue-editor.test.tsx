/**
 * The admin's catalogue editor: an agency opened from the list, its fields and the six
 * parts of each service (with "Belum dicatat"), a check listing every issue or the changes,
 * and publishing after a confirmation with the version it began from.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AdminApiError } from '../../src/app/admin/api';
import type { ConfigChange } from '../../src/domain/config/diff';
import { type ConfigBundle, UNRECORDED, UNRECORDED_TEXT } from '../../src/domain/config/schema';
import { Catalogue } from '../../src/ui/admin/Catalogue';
import type { AgencyCheck } from '../../src/ui/admin/CatalogueEditor';
import type { AdminLanguage } from '../../src/ui/admin/text';
import { kioskBundle } from '../fixtures/kiosk';

const KTP = 'Cetak Ulang KTP-el';
const clean = (changes: ConfigChange[], published: string | null = null): AgencyCheck => ({
  issues: [],
  issueCount: 0,
  changes,
  published,
});
const costChanged: ConfigChange[] = [
  { kind: 'changed', what: 'service', id: 'disdukcapil-ktp-el-cetak-ulang', fields: ['cost'] },
];

function show(
  answers: AgencyCheck[],
  options: { lang?: AdminLanguage; canWrite?: boolean; config?: ConfigBundle } = {},
) {
  const actions = {
    catalogueTemplate: vi.fn(async () => new Blob([])),
    importCatalogue: vi.fn(async () => {
      throw new Error('not in this test');
    }),
    refreshConfig: vi.fn(),
    checkAgency: vi.fn(async (..._args: [string, Record<string, unknown>, boolean, string]) => {
      const answer = answers.shift();
      if (!answer) throw new Error('no answer left');
      return answer;
    }),
  };
  const screenOf = (config: ConfigBundle) => (
    <Catalogue
      lang={options.lang ?? 'id'}
      config={config}
      actions={actions}
      canWrite={options.canWrite ?? true}
    />
  );
  const view = render(screenOf(options.config ?? kioskBundle()));
  return Object.assign(actions, {
    /** The screen again with another config (a newer one arrived). */
    rerender: (config: ConfigBundle) => view.rerender(screenOf(config)),
  });
}

/** Opens Disdukcapil in the editor; the KTP service's fields. */
function openKtp() {
  fireEvent.click(screen.getByRole('button', { name: 'Ubah Disdukcapil' }));
  fireEvent.click(screen.getByText(KTP, { selector: 'summary' }));
  return screen.getByRole('group', { name: KTP });
}

const sentServices = (actions: ReturnType<typeof show>, call = 0) =>
  (actions.checkAgency.mock.calls[call]?.[1] as { services: Record<string, unknown>[] } | undefined)
    ?.services ?? [];

describe('admin UI: the catalogue editor', () => {
  it('opens an agency from the list with its fields filled, its heading focused', () => {
    show([]);

    fireEvent.click(screen.getByRole('button', { name: 'Ubah Disdukcapil' }));

    const heading = screen.getByRole('heading', { name: 'Ubah Disdukcapil' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getAllByLabelText<HTMLInputElement>('Nama (Indonesia)')[0]?.value).toBe(
      'Dinas Kependudukan dan Pencatatan Sipil',
    );
    expect(screen.getAllByLabelText<HTMLInputElement>('Nama (Inggris)')[0]?.value).toBe(
      'Population and Civil Registration',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Jumlah loket').value).toBe('2');
    expect(screen.getByRole('button', { name: 'Terbitkan' })).toHaveProperty('disabled', true);
  });

  it('lists every issue of a check, also in its service, and publishes nothing', async () => {
    const actions = show([
      {
        issues: [
          {
            path: 'agencies/disdukcapil.json $.services[0].cost.items[0].amount',
            message: 'harus ≥ 0',
          },
          {
            path: 'agencies/disdukcapil.json $.services[0].cost.legalBasis',
            message: 'tidak boleh kosong',
          },
        ],
        issueCount: 2,
        changes: [],
        published: null,
      },
    ]);
    const ktp = openKtp();
    const cost = within(ktp).getByRole('group', { name: 'Biaya / tarif' });

    fireEvent.change(within(cost).getByLabelText('Jenis biaya'), { target: { value: 'fixed' } });
    fireEvent.input(within(cost).getByLabelText('Jumlah (rupiah)'), { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('2 masalah; tidak ada yang diterbitkan');
    expect(alert.textContent).toContain('$.services[0].cost.legalBasis');
    expect(within(ktp).getByText('Masalah di layanan ini')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Terbitkan' })).toHaveProperty('disabled', true);
    const [id, , publish, basedOn] = actions.checkAgency.mock.calls[0] ?? [];
    expect([id, publish, basedOn]).toEqual(['disdukcapil', false, 'test-1']);
    expect(sentServices(actions)[0]?.cost).toEqual({
      kind: 'fixed',
      items: [{ label: { id: '' }, amount: -5 }],
      legalBasis: '',
    });
  });

  it('shows the changes of a clean check, then publishes after a confirmation', async () => {
    const actions = show([clean(costChanged), clean(costChanged, 'abcdef1234567890')]);
    const ktp = openKtp();
    const cost = within(ktp).getByRole('group', { name: 'Biaya / tarif' });
    fireEvent.change(within(cost).getByLabelText('Jenis biaya'), { target: { value: 'fixed' } });
    fireEvent.input(within(cost).getByLabelText('Nama tarif (Indonesia)'), {
      target: { value: 'Biaya cetak' },
    });
    fireEvent.input(within(cost).getByLabelText('Jumlah (rupiah)'), { target: { value: '50000' } });
    fireEvent.input(within(cost).getByLabelText('Dasar hukum'), {
      target: { value: 'Perda 1/2025' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await screen.findByText('Layanan disdukcapil-ktp-el-cetak-ulang diubah: biaya');
    fireEvent.click(screen.getByRole('button', { name: 'Terbitkan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ya, terbitkan' }));

    const note = await screen.findByText(/Diterbitkan sebagai versi abcdef123456/);
    await waitFor(() => expect(document.activeElement).toBe(note));
    expect(actions.checkAgency.mock.calls.map((c) => c[2])).toEqual([false, true]);
    expect(actions.checkAgency.mock.calls[1]?.[3]).toBe('test-1');
    expect(sentServices(actions, 1)[0]?.cost).toEqual({
      kind: 'fixed',
      items: [{ label: { id: 'Biaya cetak' }, amount: 50_000 }],
      legalBasis: 'Perda 1/2025',
    });
    expect(actions.refreshConfig).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Ubah Disdukcapil' })).toBeTruthy();
  });

  it('says so when another version became active meanwhile, keeping the copy', async () => {
    const actions = show([]);
    actions.checkAgency.mockRejectedValueOnce(
      new AdminApiError(409, 'config_moved', 'Konfigurasi sudah diubah sejak Anda mulai'),
    );
    const ktp = openKtp();
    fireEvent.input(within(ktp).getAllByLabelText('Nama (Inggris)')[0] as HTMLElement, {
      target: { value: 'KTP-el reprinting' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));

    expect((await screen.findByRole('alert')).textContent).toContain('sudah diubah');
    expect(within(ktp).getAllByLabelText<HTMLInputElement>('Nama (Inggris)')[0]?.value).toBe(
      'KTP-el reprinting',
    );
    expect(screen.getByRole('button', { name: 'Terbitkan' })).toHaveProperty('disabled', true);
  });

  it('sends the version the copy was taken from, even once a newer config arrived', async () => {
    const actions = show([clean([])]);
    const ktp = openKtp();
    fireEvent.input(within(ktp).getAllByLabelText('Nama (Inggris)')[0] as HTMLElement, {
      target: { value: 'KTP-el reprinting' },
    });

    actions.rerender({ ...kioskBundle(), version: 'test-2' });
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await screen.findByText('Tidak ada masalah.');

    expect(actions.checkAgency.mock.calls[0]?.[3]).toBe('test-1');
    expect(sentServices(actions)[0]?.name).toEqual({ id: KTP, en: 'KTP-el reprinting' });
  });

  it('adds an online channel to the agency and sends it; removing it sends none', async () => {
    const actions = show([clean([]), clean([])]);
    fireEvent.click(screen.getByRole('button', { name: 'Ubah Disdukcapil' }));
    const [forAgency] = screen.getAllByRole('button', { name: 'Tambah layanan daring' });
    fireEvent.click(forAgency as HTMLElement);
    const channel = screen.getByRole('group', { name: 'Layanan daring 1' });
    fireEvent.input(within(channel).getByLabelText('Nama (Indonesia)'), {
      target: { value: 'Identitas Kependudukan Digital (IKD)' },
    });
    fireEvent.input(within(channel).getByLabelText('Alamat, nomor, atau tempat aplikasinya'), {
      target: { value: 'Google Play, App Store' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await screen.findByText('Tidak ada masalah.');

    const sent = actions.checkAgency.mock.calls[0]?.[1] as { onlineChannels?: unknown };
    expect(sent.onlineChannels).toEqual([
      {
        kind: 'app',
        name: { id: 'Identitas Kependudukan Digital (IKD)' },
        address: 'Google Play, App Store',
      },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Hapus layanan daring 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await waitFor(() => expect(actions.checkAgency).toHaveBeenCalledTimes(2));
    const again = actions.checkAgency.mock.calls[1]?.[1] as { onlineChannels?: unknown };
    expect(again.onlineChannels).toBeUndefined();
  });

  it('asks for a new check once the copy changed after one', async () => {
    show([clean(costChanged)]);
    const ktp = openKtp();
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await screen.findByText('Tidak ada masalah.');

    fireEvent.input(within(ktp).getAllByLabelText('Nama (Inggris)')[0] as HTMLElement, {
      target: { value: 'KTP-el reprinting' },
    });

    expect(screen.getByText(/Ada perubahan sejak diperiksa/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Terbitkan' })).toHaveProperty('disabled', true);
  });

  it('marks a part "Belum dicatat" and loads one unrecorded as marked', async () => {
    const config = kioskBundle();
    const ktp = config.agencies[0]?.services[0];
    if (!ktp) throw new Error('no service');
    ktp.product = { ...UNRECORDED_TEXT };
    const actions = show([clean([])], { config });
    const group = openKtp();

    const product = within(group).getByRole('group', { name: 'Produk layanan' });
    const duration = within(group).getByRole('group', { name: 'Waktu penyelesaian' });
    expect(within(product).getByLabelText<HTMLInputElement>('Belum dicatat').checked).toBe(true);
    expect(within(product).queryByLabelText('Produk layanan (Indonesia)')).toBeNull();
    fireEvent.click(within(duration).getByLabelText('Belum dicatat'));
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await screen.findByText('Belum ada perubahan.');

    expect(sentServices(actions)[0]).toMatchObject({ product: UNRECORDED, duration: UNRECORDED });
  });

  it('marks the requirements "Belum dicatat": one that says so, sent as such', async () => {
    const actions = show([clean([])]);
    const group = openKtp();

    const requirements = within(group).getByRole('group', { name: 'Persyaratan' });
    fireEvent.click(within(requirements).getByLabelText('Belum dicatat'));
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await screen.findByText('Belum ada perubahan.');

    expect(sentServices(actions)[0]).toMatchObject({
      requirements: [{ id: UNRECORDED, label: UNRECORDED_TEXT, mandatory: false }],
    });
  });

  it('edits requirements: alternatives, a condition, not mandatory; removes a service', async () => {
    const actions = show([clean([])]);
    const group = openKtp();
    const first = within(group).getByRole('group', { name: 'Persyaratan 1' });

    fireEvent.click(within(first).getByLabelText('Wajib'));
    fireEvent.change(within(first).getByLabelText('Berlaku'), {
      target: { value: 'ktp-hilang:yes' },
    });
    fireEvent.click(within(first).getByRole('button', { name: 'Tambah alternatif' }));
    fireEvent.click(within(first).getByRole('button', { name: 'Tambah alternatif' }));
    const second = within(first).getByRole('group', { name: 'Alternatif 2' });
    fireEvent.input(within(second).getByLabelText('Kode alternatif'), {
      target: { value: 'akta' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Hapus layanan Perubahan Kartu Keluarga' }));
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await screen.findByText('Tidak ada masalah.');

    const services = sentServices(actions);
    expect(services.map((s) => s.id)).toEqual(['disdukcapil-ktp-el-cetak-ulang']);
    expect((services[0]?.requirements as unknown[] | undefined)?.[0]).toEqual({
      id: 'kk',
      label: { id: 'Fotokopi KK', en: 'Copy of family card' },
      mandatory: false,
      when: { question: 'ktp-hilang', answer: true },
      anyOf: [
        { id: '', label: { id: '' } },
        { id: 'akta', label: { id: '' } },
      ],
    });
  });

  it("moves focus to a new item, and after a removal to the list's add button", async () => {
    show([]);
    const group = openKtp();
    const requirements = within(group).getByRole('group', { name: 'Persyaratan' });
    const add = within(requirements).getByRole('button', { name: 'Tambah persyaratan' });

    fireEvent.click(add);
    const added = within(requirements).getByRole('group', { name: 'Persyaratan 4' });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(added).getByLabelText('Nama persyaratan (Indonesia)'),
      ),
    );
    fireEvent.click(within(added).getByRole('button', { name: 'Hapus persyaratan 4' }));

    await waitFor(() => expect(document.activeElement).toBe(add));
    expect(within(requirements).queryByRole('group', { name: 'Persyaratan 4' })).toBeNull();
  });

  it('adds an agency, but not under a code already taken', async () => {
    const actions = show([clean([{ kind: 'added', what: 'agency', id: 'kua', fields: [] }])]);
    fireEvent.click(screen.getByRole('button', { name: 'Tambah instansi' }));
    const code = screen.getByLabelText('Kode instansi');

    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    const empty = (await screen.findByRole('alert')).textContent;
    fireEvent.input(code, { target: { value: 'imigrasi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    const refusal = await screen.findByRole('alert');
    fireEvent.input(code, { target: { value: 'kua' } });
    fireEvent.input(screen.getByLabelText('Kode layanan'), { target: { value: 'kua-nikah' } });
    fireEvent.click(screen.getByRole('button', { name: 'Periksa' }));
    await screen.findByText('Instansi kua ditambahkan');

    expect(empty).toContain('Isi kode instansi dulu');
    expect(refusal.textContent).toContain('Kode instansi imigrasi sudah dipakai');
    expect(actions.checkAgency).toHaveBeenCalledTimes(1);
    expect(actions.checkAgency.mock.calls[0]?.[0]).toBe('kua');
    expect(sentServices(actions)[0]).toMatchObject({ id: 'kua-nikah', cost: UNRECORDED });
  });

  it('speaks English, and offers no editing to a supervisor', () => {
    show([], { lang: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Edit Civil Registry' }));
    expect(screen.getByRole('heading', { name: 'Edit Civil Registry' })).toBeTruthy();
    expect(screen.getAllByLabelText('Name (English)').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));

    document.body.innerHTML = '';
    show([], { canWrite: false });
    expect(screen.queryByRole('button', { name: /^Ubah/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tambah instansi' })).toBeNull();
  });
});
