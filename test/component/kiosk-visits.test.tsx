/** The attract screen's coming MPP bergerak visits, shown by the kiosk's idle duties. */
import { act, fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { showAttractVisits } from '../../src/app/kiosk/attract-visits';
import type { Visit } from '../../src/domain/config/schema';
import { kioskBundle, kioskProfile } from '../fixtures/kiosk';
import { renderKiosk } from './kiosk-harness';

const visit = (id: string, date: string, kelurahan: string): Visit => ({
  id,
  date,
  kelurahan,
  place: 'Balai Kelurahan',
  hours: { from: '08:00', to: '14:00' },
  services: [{ service: 'disdukcapil-ktp-el-cetak-ulang', quota: 30 }],
});
/** Saturday 5 December 2026, 09:00 WIB. */
const NOW = Date.UTC(2026, 11, 5, 2, 0);
const region = () => screen.queryByRole('region', { name: 'Jadwal MPP bergerak' });
const flush = () => act(() => new Promise<void>((resolve) => queueMicrotask(resolve)));

describe('kiosk UI: coming MPP bergerak visits', () => {
  it('lists the next two visits on the attract screen, and again on each return to it', async () => {
    // Arrange
    const config = kioskBundle({
      visits: [
        visit('c', '2026-12-16', 'Bukit Indah'),
        visit('a', '2026-12-03', 'Sukamaju'),
        visit('b', '2026-12-10', 'Tanjung Harapan'),
        visit('d', '2027-01-14', 'Cempaka'),
      ],
    });
    const k = renderKiosk({ config });

    // Act
    const shown = showAttractVisits(k.actor, () => NOW);
    await flush();
    const lines = [...(region()?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    fireEvent.click(screen.getByRole('button', { name: 'Sentuh untuk mulai' }));
    await flush();
    const duringSession = region();
    fireEvent.click(screen.getByRole('button', { name: 'Kembali' }));
    await flush();
    const back = region();
    shown.stop();

    // Assert
    expect(lines).toEqual([
      'MPP bergerak: Kelurahan Tanjung Harapan, Kamis 10 Desember, 08.00–14.00, di Balai Kelurahan.',
      'MPP bergerak: Kelurahan Bukit Indah, Rabu 16 Desember, 08.00–14.00, di Balai Kelurahan.',
    ]);
    expect(duringSession).toBeNull();
    expect(back).not.toBeNull();
    expect(region()).toBeNull();
  });

  it('gives a mobile unit’s staff a way to /mobile, and a lobby kiosk none', async () => {
    // Arrange
    const staffDoor = () => screen.queryByRole('link', { name: 'Petugas' });
    const unit = renderKiosk({ profile: kioskProfile({ surface: 'mobile' }) });

    // Act
    const shown = showAttractVisits(unit.actor, () => NOW);
    await flush();
    const href = staffDoor()?.getAttribute('href');
    // The page would leave for /mobile (jsdom does not navigate); the touch starts no session.
    window.addEventListener('click', (e) => e.preventDefault(), { capture: true, once: true });
    const door = staffDoor();
    if (door) fireEvent.click(door);
    const started = unit.actor.getSnapshot().value;
    shown.stop();
    unit.unmount();
    const lobby = renderKiosk();
    const lobbyShown = showAttractVisits(lobby.actor, () => NOW);
    await flush();
    const inLobby = staffDoor();
    lobbyShown.stop();

    // Assert
    expect(href).toBe('/mobile');
    expect(started).toBe('attract');
    expect(inLobby).toBeNull();
  });
});
