/**
 * Focus that follows the screen: each new screen puts the focus on its heading (a screen
 * reader announces it, the keyboard starts there), and the idle warning keeps Tab inside
 * and gives the focus back where it was.
 */
import { act, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderKiosk } from './kiosk-harness';

const button = (name: string) => screen.getByRole('button', { name });
const focused = () => document.activeElement;

/** The focused element must be the screen's only h1, named `name`. */
function expectHeadingFocused(name: string | RegExp) {
  const heading = screen.getByRole('heading', { level: 1, name });
  expect(focused()).toBe(heading);
  expect(heading.getAttribute('tabindex')).toBe('-1');
}

describe('kiosk UI: focus follows the screen', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('focuses the heading of every screen on the way to a ticket', async () => {
    renderKiosk();
    expectHeadingFocused(/^Selamat datang/);
    fireEvent.click(button('Sentuh untuk mulai'));
    expectHeadingFocused('Pilih Instansi');
    fireEvent.click(button('BPJS Kesehatan'));
    expectHeadingFocused('Pilih Layanan');
    fireEvent.click(button('Kembali'));
    expectHeadingFocused('Pilih Instansi');
    fireEvent.click(button('Disdukcapil'));
    fireEvent.click(button('Cetak Ulang KTP-el'));
    expectHeadingFocused('Cetak Ulang KTP-el');
    fireEvent.click(button('Periksa Persyaratan'));
    expectHeadingFocused('Apakah KTP-el Anda hilang?');
    fireEvent.click(button('Tidak'));
    expectHeadingFocused('Apakah Anda membawa dokumen berikut?');
    const marks = screen.getAllByRole('button', { name: 'Ada' });
    for (const present of marks) {
      present.focus();
      fireEvent.click(present);
    }
    // Marking requirements is not a new screen: the focus stays with the citizen.
    expect(focused()).toBe(marks.at(-1));
    fireEvent.click(button('Lanjut'));
    expectHeadingFocused('Apakah Anda termasuk kelompok prioritas?');
    fireEvent.click(button('Tidak'));
    expectHeadingFocused('Periksa kembali pilihan Anda');
    await act(async () => {
      fireEvent.click(button('Ambil Nomor Antrean'));
    });
    await screen.findByRole('heading', { name: 'Nomor Antrean Anda' });
    expectHeadingFocused('Nomor Antrean Anda');
    fireEvent.click(button('Selesai'));
    expectHeadingFocused(/^Selamat datang/);
  });

  it('keeps the focus on a control when only the language changes', async () => {
    renderKiosk();
    fireEvent.click(button('Sentuh untuk mulai'));
    const english = button('English');
    english.focus();
    await act(async () => {
      fireEvent.click(english);
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe('');
    expect(focused()?.tagName).toBe('BUTTON');
  });

  it('the idle warning keeps Tab inside and gives the focus back when dismissed', () => {
    vi.useFakeTimers();
    renderKiosk();
    fireEvent.click(button('Sentuh untuk mulai'));
    const imigrasi = button('Imigrasi');
    imigrasi.focus();
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    act(() => {
      vi.advanceTimersByTime(100);
    });
    const stay = button('Ya, saya masih di sini');
    expect(focused()).toBe(stay);
    for (const shiftKey of [false, true, false]) {
      fireEvent.keyDown(focused() ?? document.body, { key: 'Tab', shiftKey });
      expect(focused()).toBe(stay);
    }
    fireEvent.click(stay);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(focused()).toBe(imigrasi);
  });
});
