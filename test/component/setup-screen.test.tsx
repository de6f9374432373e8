/** The staff setup form: validates in Indonesian and never submits invalid input. */
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SetupScreen } from '../../src/ui/setup/SetupScreen';
import { kioskProfile } from '../fixtures/kiosk';

const PROFILES = [
  kioskProfile(),
  kioskProfile({ id: 'mpp-bergerak', name: 'MPP Bergerak', surface: 'mobile' }),
  kioskProfile({ id: 'layar-tv', name: 'Layar TV', surface: 'display' }),
];

function fill(values: { name?: string; profile?: string; slot?: string }) {
  if (values.name !== undefined) {
    fireEvent.input(screen.getByRole('textbox', { name: 'Nama perangkat' }), {
      target: { value: values.name },
    });
  }
  if (values.profile !== undefined) {
    fireEvent.change(screen.getByRole('combobox', { name: 'Profil' }), {
      target: { value: values.profile },
    });
  }
  if (values.slot !== undefined) {
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Nomor perangkat (1–26)' }), {
      target: { value: values.slot },
    });
  }
  fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
}

describe('SetupScreen', () => {
  it('offers only kiosk and mobile profiles and explains the device number', () => {
    render(<SetupScreen profiles={PROFILES} onSubmit={vi.fn()} />);
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Pilih profil…', 'Lobi utama', 'MPP Bergerak']);
    expect(
      screen.getByText('Setiap anjungan di gedung ini harus memakai nomor yang berbeda'),
    ).toBeTruthy();
  });

  it.each(['0', '27', '2.5', '', '-3'])('rejects device number %j', (slot) => {
    const onSubmit = vi.fn();
    render(<SetupScreen profiles={PROFILES} onSubmit={onSubmit} />);
    fill({ name: 'Anjungan 1', profile: 'lobi-utama', slot });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Nomor perangkat harus bilangan bulat dari 1 sampai 26')).toBeTruthy();
    expect(
      screen
        .getByRole('spinbutton', { name: 'Nomor perangkat (1–26)' })
        .getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('rejects an empty name and a missing profile', () => {
    const onSubmit = vi.fn();
    render(<SetupScreen profiles={PROFILES} onSubmit={onSubmit} />);
    fill({ name: '   ', slot: '3' });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Nama perangkat wajib diisi')).toBeTruthy();
    expect(screen.getByText('Pilih salah satu profil')).toBeTruthy();
  });

  it('submits trimmed, typed values', () => {
    const onSubmit = vi.fn();
    render(<SetupScreen profiles={PROFILES} onSubmit={onSubmit} />);
    fill({ name: ' Anjungan Lobi 2 ', profile: 'mpp-bergerak', slot: '26' });
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Anjungan Lobi 2',
      profileId: 'mpp-bergerak',
      slot: 26,
    });
  });

  it('shows an error from saving', () => {
    render(<SetupScreen profiles={PROFILES} onSubmit={vi.fn()} error="Gagal menyimpan" />);
    expect(screen.getByRole('alert').textContent).toBe('Gagal menyimpan');
  });
});
