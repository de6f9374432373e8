/**
 * The counter's screens render the view they are given and hand every action to the
 * composition root: sign-in with the PIN pad, opening a loket, the desk with its actions,
 * keyboard shortcuts (not while typing), transfer and call-a-number dialogs.
 */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CounterApp } from '../../src/ui/counter/CounterApp';
import type { CounterActions, CounterStore, CounterView } from '../../src/ui/counter/view';

function storeOf(view: CounterView): CounterStore {
  return { subscribe: () => () => {}, getSnapshot: () => view };
}

function spyActions(): CounterActions {
  const names: (keyof CounterActions)[] = [
    'setLanguage',
    'signIn',
    'firstPin',
    'signOut',
    'openLoket',
    'callNext',
    'recall',
    'serve',
    'finish',
    'finishWith',
    'noShow',
    'transfer',
    'callSpecific',
    'pause',
    'resume',
    'close',
    'dismissMessage',
  ];
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as unknown as CounterActions;
}

const desk = (overrides: Partial<Extract<CounterView, { screen: 'desk' }>> = {}): CounterView => ({
  screen: 'desk',
  lang: 'id',
  me: 'Sari',
  loket: '3',
  day: '2026-12-05',
  paused: false,
  services: [{ id: 'ktp', name: 'Cetak ulang KTP-el', agency: 'Disdukcapil' }],
  transferTargets: [{ id: 'bpjs-ubah', name: 'Perubahan data', agency: 'BPJS Kesehatan' }],
  current: [
    {
      id: 't1',
      number: 'A-012',
      service: 'Cetak ulang KTP-el',
      agency: 'Disdukcapil',
      status: 'called',
      waitedMinutes: 14,
      priority: false,
      journey: { step: 1, of: 2 },
      transfers: 0,
      recalls: 0,
      unseen: false,
      requirements: [
        { id: 'kk', name: 'Fotokopi KK' },
        { id: 'ktp-rusak', name: 'KTP-el lama yang rusak' },
      ],
    },
  ],
  waiting: [
    {
      id: 't2',
      number: 'A-013',
      service: 'Cetak ulang KTP-el',
      waitedMinutes: 9,
      priority: true,
      journey: null,
      transferred: false,
      held: false,
      next: true,
    },
  ],
  message: null,
  online: false,
  ...overrides,
});

describe('CounterApp', () => {
  it('signs in: choose a name, type the PIN on the pad, submit', () => {
    const actions = spyActions();
    const view: CounterView = {
      screen: 'sign-in',
      lang: 'id',
      staff: [{ staffId: 's1', name: 'Sari', hasPin: true, locked: false }],
      message: null,
      busy: false,
    };
    render(<CounterApp store={storeOf(view)} actions={actions} />);

    fireEvent.click(screen.getByRole('button', { name: 'Sari' }));
    for (const d of '482915') fireEvent.click(screen.getByRole('button', { name: d }));
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    expect(actions.signIn).toHaveBeenCalledWith('s1', '482915');
  });

  it('refuses a first PIN typed differently twice without calling the server', () => {
    const actions = spyActions();
    const view: CounterView = {
      screen: 'sign-in',
      lang: 'id',
      staff: [],
      message: null,
      busy: false,
    };
    render(<CounterApp store={storeOf(view)} actions={actions} />);

    fireEvent.click(screen.getByRole('button', { name: 'Masuk pertama kali' }));
    fireEvent.input(screen.getByLabelText('Kode set-up'), { target: { value: 'abcde-fghjk' } });
    fireEvent.input(screen.getByLabelText('PIN baru'), { target: { value: '482915' } });
    fireEvent.input(screen.getByLabelText('Ulangi PIN baru'), { target: { value: '482916' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan PIN dan masuk' }));

    expect(screen.getByRole('alert').textContent).toBe('Kedua PIN tidak sama.');
    expect(actions.firstPin).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Ulangi PIN baru'), { target: { value: '482915' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan PIN dan masuk' }));
    expect(actions.firstPin).toHaveBeenCalledWith('ABCDE-FGHJK', '482915');
  });

  it('opens a loket with a checked number and the services chosen', () => {
    const actions = spyActions();
    const view: CounterView = {
      screen: 'open-loket',
      lang: 'id',
      me: 'Sari',
      services: [
        { id: 'ktp', name: 'Cetak ulang KTP-el', agency: 'Disdukcapil' },
        { id: 'kk', name: 'Perubahan KK', agency: 'Disdukcapil' },
      ],
      message: null,
    };
    render(<CounterApp store={storeOf(view)} actions={actions} />);

    fireEvent.input(screen.getByLabelText('Nomor loket'), { target: { value: 'l-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Buka loket' }));
    expect(screen.getByRole('alert').textContent).toContain('1–4 angka');
    expect(actions.openLoket).not.toHaveBeenCalled();

    fireEvent.input(screen.getByLabelText('Nomor loket'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Perubahan KK/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Buka loket' }));
    expect(actions.openLoket).toHaveBeenCalledWith('3', ['ktp']);
  });

  it('shows the held ticket and the waiting list, and acts by button and by key', () => {
    const actions = spyActions();
    render(<CounterApp store={storeOf(desk())} actions={actions} />);

    const current = within(screen.getByRole('region', { name: 'Sedang dilayani' }));
    expect(current.getByText('A-012')).toBeTruthy();
    expect(current.getByText(/menunggu 14 menit · perjalanan 1\/2/)).toBeTruthy();
    const waiting = within(screen.getByRole('region', { name: 'Menunggu (1)' }));
    expect(waiting.getByText('A-013')).toBeTruthy();
    expect(waiting.getByText('berikutnya · prioritas')).toBeTruthy();
    expect(screen.getByText('Server tidak terhubung — loket tetap bekerja.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /^Mulai layani/ }));
    expect(actions.serve).toHaveBeenCalledWith('t1');
    fireEvent.keyDown(window, { key: 'b' });
    expect(actions.callNext).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(window, { key: 'T' });
    expect(actions.noShow).toHaveBeenCalledWith('t1');
    fireEvent.keyDown(window, { key: 'j' });
    expect(actions.pause).toHaveBeenCalledTimes(1);
  });

  it('ignores shortcut keys typed into a field, and calls nobody while paused', () => {
    const actions = spyActions();
    render(<CounterApp store={storeOf(desk({ paused: true }))} actions={actions} />);

    expect(
      screen.getByRole('button', { name: /^Panggil berikutnya/ }).hasAttribute('disabled'),
    ).toBe(true);
    fireEvent.keyDown(window, { key: 'b' });
    expect(actions.callNext).not.toHaveBeenCalled();
    fireEvent.keyDown(window, { key: 'j' });
    expect(actions.resume).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: /^Alihkan/ }));
    const dialog = within(screen.getByRole('dialog', { name: 'Alihkan ke layanan' }));
    fireEvent.click(dialog.getByRole('button', { name: /Perubahan data/ }));
    expect(actions.transfer).toHaveBeenCalledWith('t1', 'bpjs-ubah');
  });

  it('calls a specific number with a reason from the dialog, typed or scanned', () => {
    const actions = spyActions();
    render(<CounterApp store={storeOf(desk())} actions={actions} />);

    fireEvent.keyDown(window, { key: 'c' });
    const dialog = within(screen.getByRole('dialog', { name: 'Panggil nomor tertentu' }));
    const field = dialog.getByLabelText('Nomor atau QR tiket');
    fireEvent.input(field, { target: { value: 'A-005' } });
    fireEvent.keyDown(field, { key: 'b' });
    fireEvent.click(dialog.getByRole('radio', { name: 'Janji temu' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Panggil' }));

    expect(actions.callNext).not.toHaveBeenCalled();
    expect(actions.callSpecific).toHaveBeenCalledWith('A-005', 'appointment');
  });

  it('speaks English when asked, and shows a refused action as a warning', () => {
    const actions = spyActions();
    const message = {
      id: 'Nomor A-012 sudah dipanggil di loket 2.',
      en: 'Number A-012 was already called at counter 2.',
      tone: 'warn' as const,
    };
    render(<CounterApp store={storeOf(desk({ lang: 'en', message }))} actions={actions} />);

    expect(screen.getByRole('alert').textContent).toBe(message.en);
    expect(screen.getByRole('button', { name: /^Call next/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bahasa Indonesia' }));
    expect(actions.setLanguage).toHaveBeenCalledWith('id');
  });

  it('records a received file with when and where, and missing requirements by name', async () => {
    // Arrange
    const actions = spyActions();
    render(<CounterApp store={storeOf(desk())} actions={actions} />);

    // Act: received, ready from 14 December at the kelurahan office.
    fireEvent.click(screen.getByRole('button', { name: 'Hasil lain H' }));
    const dialog = await screen.findByRole('dialog', { name: 'Catat hasil layanan — A-012' });
    fireEvent.input(within(dialog).getByLabelText('Hasil dapat diambil mulai tanggal'), {
      target: { value: '2026-12-14' },
    });
    fireEvent.click(within(dialog).getByLabelText('Kantor kelurahan'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan hasil' }));
    // Then requirements missing: saving with none chosen is refused first.
    fireEvent.click(screen.getByRole('button', { name: 'Hasil lain H' }));
    const second = await screen.findByRole('dialog');
    fireEvent.click(within(second).getByLabelText('Persyaratan kurang'));
    fireEvent.click(within(second).getByRole('button', { name: 'Simpan hasil' }));
    const refusal = within(second).getByRole('alert').textContent;
    fireEvent.click(within(second).getByLabelText('Fotokopi KK'));
    fireEvent.click(within(second).getByRole('button', { name: 'Simpan hasil' }));

    // Assert
    expect(refusal).toBe('Pilih dokumen yang belum dibawa.');
    expect(actions.finishWith).toHaveBeenNthCalledWith(1, 't1', {
      outcome: 'received',
      ready: { date: '2026-12-14', place: 'kelurahan' },
    });
    expect(actions.finishWith).toHaveBeenNthCalledWith(2, 't1', {
      outcome: 'incomplete',
      missing: ['kk'],
    });
  });

  it("refuses a ready date before the loket's day", async () => {
    // Arrange
    const actions = spyActions();
    render(<CounterApp store={storeOf(desk())} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Hasil lain H' }));
    const dialog = await screen.findByRole('dialog');

    // Act
    fireEvent.input(within(dialog).getByLabelText('Hasil dapat diambil mulai tanggal'), {
      target: { value: '2026-12-04' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan hasil' }));

    // Assert
    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Tanggal tidak boleh sebelum hari ini.',
    );
    expect(actions.finishWith).not.toHaveBeenCalled();
  });
});
