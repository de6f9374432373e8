import { act, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SyncBadge, type SyncView, syncBadgeText } from '../../src/ui/sync/SyncBadge';

const NOW = Date.UTC(2026, 11, 2, 2, 0, 0);
const view = (overrides: Partial<SyncView> = {}): SyncView => ({
  online: true,
  pending: 0,
  lastSyncAt: NOW - 3 * 60_000,
  ...overrides,
});

describe('syncBadgeText', () => {
  it('says when the device last synced, and what waits to be sent', () => {
    expect(syncBadgeText(view(), NOW)).toBe('Tersinkron 3 menit lalu');
    expect(syncBadgeText(view({ lastSyncAt: NOW - 10_000, pending: 2 }), NOW)).toBe(
      'Tersinkron baru saja · 2 belum terkirim',
    );
    expect(syncBadgeText(view({ lastSyncAt: null }), NOW)).toBe('Menyambungkan…');
  });

  it('says offline, and a refusal by the server above everything else', () => {
    expect(syncBadgeText(view({ online: false, pending: 5 }), NOW)).toBe(
      'Luring · 5 belum terkirim',
    );
    expect(syncBadgeText(view({ online: false, refused: true, pending: 1 }), NOW)).toBe(
      'Ditolak server — hubungi admin · 1 belum terkirim',
    );
  });
});

describe('SyncBadge', () => {
  it('renders the refused state for staff to see at a glance', () => {
    const store = {
      subscribe: () => () => {},
      getSnapshot: () => view({ refused: true }),
    };

    render(<SyncBadge store={store} now={() => NOW} />);

    const badge = screen.getByText(/Ditolak server/).closest('output');
    expect(badge?.getAttribute('data-sync')).toBe('refused');
    expect(badge?.textContent).toBe('Ditolak server — hubungi admin');
    expect(badge?.getAttribute('lang')).toBe('id');
  });

  it('offers staff the way back to enrollment only once the server refused the device', () => {
    const onReenroll = vi.fn();
    const state = { refused: false };
    const listeners = new Set<() => void>();
    const store = {
      subscribe: (l: () => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      getSnapshot: () => view({ refused: state.refused }),
    };
    render(<SyncBadge store={store} now={() => NOW} onReenroll={onReenroll} />);
    const before = screen.queryByRole('button');

    state.refused = true;
    act(() => {
      for (const l of listeners) l();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Daftarkan ulang' }));

    expect(before).toBeNull();
    expect(onReenroll).toHaveBeenCalledTimes(1);
  });
});
