/** The staff enrollment form: validates in both languages and never submits invalid input. */
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SetupScreen } from '../../src/ui/setup/SetupScreen';
import { normalizeEnrollmentCode } from '../../src/ui/setup/validate-setup';
import { kioskProfile } from '../fixtures/kiosk';

const PROFILES = [
  kioskProfile(),
  kioskProfile({ id: 'mpp-bergerak', name: 'MPP Bergerak', surface: 'mobile' }),
  kioskProfile({ id: 'layar-tv', name: 'Layar TV', surface: 'display' }),
];

function fill(values: { code?: string; name?: string; profile?: string }) {
  const text = (name: RegExp, value: string) =>
    fireEvent.input(screen.getByRole('textbox', { name }), { target: { value } });
  if (values.code !== undefined) text(/^Kode pendaftaran/, values.code);
  if (values.name !== undefined) text(/^Nama perangkat/, values.name);
  if (values.profile !== undefined) {
    fireEvent.change(screen.getByRole('combobox', { name: /^Profil/ }), {
      target: { value: values.profile },
    });
  }
  fireEvent.click(screen.getByRole('button', { name: /^Daftarkan/ }));
}

describe('SetupScreen', () => {
  it('offers the profiles its route allows (a kiosk: kiosk and mobile; a board: display)', () => {
    const { unmount } = render(
      <SetupScreen profiles={PROFILES.filter((p) => p.surface !== 'display')} onSubmit={vi.fn()} />,
    );
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Pilih profil…',
      'Lobi utama',
      'MPP Bergerak',
    ]);
    unmount();
    render(
      <SetupScreen profiles={PROFILES.filter((p) => p.surface === 'display')} onSubmit={vi.fn()} />,
    );
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Pilih profil…',
      'Layar TV',
    ]);
  });

  it.each(['', 'K7QM-2XHP', 'K7QM2-XHPAB9', 'K7Q!2-XHPAB'])('rejects code %j', (code) => {
    const onSubmit = vi.fn();
    render(<SetupScreen profiles={PROFILES} onSubmit={onSubmit} />);
    fill({ code, name: 'Anjungan 1', profile: 'lobi-utama' });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText(/Kode terdiri dari 10 huruf atau angka/)).toBeTruthy();
    expect(
      screen.getByRole('textbox', { name: /^Kode pendaftaran/ }).getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('rejects an empty name and a missing profile', () => {
    const onSubmit = vi.fn();
    render(<SetupScreen profiles={PROFILES} onSubmit={onSubmit} />);
    fill({ code: 'K7QM2XHPAB', name: '   ' });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText(/Nama perangkat wajib diisi/)).toBeTruthy();
    expect(screen.getByText(/Pilih salah satu profil/)).toBeTruthy();
  });

  it('submits the normalised code and trimmed values', () => {
    const onSubmit = vi.fn();
    render(<SetupScreen profiles={PROFILES} onSubmit={onSubmit} />);
    fill({ code: ' k7qm2 xhpab ', name: ' Anjungan Lobi 2 ', profile: 'mpp-bergerak' });
    expect(onSubmit).toHaveBeenCalledWith({
      code: 'K7QM2-XHPAB',
      name: 'Anjungan Lobi 2',
      profileId: 'mpp-bergerak',
    });
  });

  it('shows an error from enrolling in both languages', () => {
    render(
      <SetupScreen
        profiles={PROFILES}
        onSubmit={vi.fn()}
        error={{ id: 'Kode salah', en: 'Wrong code' }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Kode salah Wrong code');
  });

  it('enrolls a refused device again with its name and profile filled in, or is left', () => {
    const onSubmit = vi.fn();
    const onCancel = vi.fn();
    const words = {
      title: { id: 'Daftarkan Ulang Perangkat', en: 'Enroll the device again' },
      intro: { id: 'Server menolak perangkat ini.', en: 'The server refused this device.' },
      submit: { id: 'Daftarkan ulang', en: 'Enroll again' },
      cancel: { id: 'Batal', en: 'Cancel' },
    };
    render(
      <SetupScreen
        profiles={PROFILES}
        onSubmit={onSubmit}
        again={{ name: 'Anjungan 1', profileId: 'mpp-bergerak', onCancel, words }}
      />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Batal Cancel' }));
    fill({ code: 'K7QM2XHPAB' });

    expect(
      screen.getByRole('heading', { name: 'Daftarkan Ulang Perangkat Enroll the device again' }),
    ).toBeTruthy();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({
      code: 'K7QM2-XHPAB',
      name: 'Anjungan 1',
      profileId: 'mpp-bergerak',
    });
  });

  it('normalises codes typed with spaces, dashes and lower case', () => {
    expect(normalizeEnrollmentCode('abcde-12345')).toBe('ABCDE-12345');
    expect(normalizeEnrollmentCode('ABCD 1234 56')).toBe('ABCD1-23456');
    expect(normalizeEnrollmentCode('ABCD-1234')).toBeNull();
    expect(normalizeEnrollmentCode('ABCDE-123456')).toBeNull();
  });
});
