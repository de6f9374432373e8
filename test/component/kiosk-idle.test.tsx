/** The inactivity warning: "Masih di sini?" with a countdown, then a reset. */
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flowOf, renderKiosk } from './kiosk-harness';

const button = (name: string) => screen.getByRole('button', { name });
const heading = (name: string) => screen.getByRole('heading', { name });

/** Advances fake time and renders what changed. */
function wait(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('kiosk UI: idle warning', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks "Masih di sini?" with a countdown, and "Ya, saya masih di sini" dismisses it', () => {
    vi.useFakeTimers();
    const k = renderKiosk();
    fireEvent.click(button('Sentuh untuk mulai'));
    fireEvent.click(button('Disdukcapil'));

    wait(59_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    wait(1_000);
    const dialog = within(screen.getByRole('alertdialog', { name: 'Masih di sini?' }));
    expect(dialog.getByText('Layar akan kembali ke awal dalam 20 detik')).toBeTruthy();
    wait(5_000);
    expect(dialog.getByText('Layar akan kembali ke awal dalam 15 detik')).toBeTruthy();

    fireEvent.click(dialog.getByRole('button', { name: 'Ya, saya masih di sini' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(heading('Pilih Layanan')).toBeTruthy();
    wait(30_000);
    expect(flowOf(k.actor)).toBe('services');
  });

  it('returns to the attract screen when nobody answers', () => {
    vi.useFakeTimers();
    renderKiosk();
    fireEvent.click(button('Sentuh untuk mulai'));
    wait(60_000);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    wait(20_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(button('Sentuh untuk mulai')).toBeTruthy();
  });

  it('keeps quiet while the citizen keeps touching', () => {
    vi.useFakeTimers();
    renderKiosk();
    fireEvent.click(button('Sentuh untuk mulai'));
    wait(50_000);
    fireEvent.pointerDown(button('Imigrasi'));
    wait(50_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
