/** The attract screen's coming MPP bergerak visits: shown once it has stood a moment. */
import { act, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Visit } from '../../src/domain/config/schema';
import { VISITS_AFTER_MS } from '../../src/ui/kiosk/lazy-screens';
import { kioskBundle } from '../fixtures/kiosk';
import { renderKiosk } from './kiosk-harness';

const visit = (id: string, date: string, kelurahan: string): Visit => ({
  id,
  date,
  kelurahan,
  place: 'Balai Kelurahan',
  hours: { from: '08:00', to: '14:00' },
  services: [{ service: 'disdukcapil-ktp-el-cetak-ulang', quota: 30 }],
});

describe('kiosk UI: coming MPP bergerak visits', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the next two visits on the attract screen after it has stood a moment', async () => {
    // Arrange: Saturday 5 December 2026, 09:00 WIB.
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 5, 2, 0) });
    const config = kioskBundle({
      visits: [
        visit('c', '2026-12-16', 'Bukit Indah'),
        visit('a', '2026-12-03', 'Sukamaju'),
        visit('b', '2026-12-10', 'Tanjung Harapan'),
        visit('d', '2027-01-14', 'Cempaka'),
      ],
    });
    renderKiosk({ config });
    const before = screen.queryByRole('region', { name: 'Jadwal MPP bergerak' });

    // Act
    act(() => {
      vi.advanceTimersByTime(VISITS_AFTER_MS);
    });
    const region = await vi.waitFor(() =>
      screen.getByRole('region', { name: 'Jadwal MPP bergerak' }),
    );

    // Assert
    expect(before).toBeNull();
    expect([...region.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'MPP bergerak: Kelurahan Tanjung Harapan, Kamis 10 Desember, 08.00–14.00, di Balai Kelurahan.',
      'MPP bergerak: Kelurahan Bukit Indah, Rabu 16 Desember, 08.00–14.00, di Balai Kelurahan.',
    ]);
  });
});
