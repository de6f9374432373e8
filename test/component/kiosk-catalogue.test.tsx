/** A large catalogue at the kiosk: agency groups, the services offered first, search, clear. */
import { readFileSync } from 'node:fs';
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Site } from '../../src/domain/config/schema';
import { agenciesOf, site } from '../fixtures/catalogue';
import { kioskBundle, kioskProfile } from '../fixtures/kiosk';
import { renderKiosk } from './kiosk-harness';

const BIG_DIR = 'test/fixtures/kiosk-config-besar';
const bigSite = JSON.parse(readFileSync(`${BIG_DIR}/site.json`, 'utf8')) as Site;
const big = () =>
  renderKiosk({
    config: kioskBundle({
      agencies: agenciesOf(BIG_DIR),
      site: site({ agencyGroups: bigSite.agencyGroups }),
    }),
    profile: kioskProfile(),
  });

const button = (name: string) => screen.getByRole('button', { name });
const heading = (name: string) => screen.getByRole('heading', { name });
const search = (query: string) =>
  fireEvent.input(screen.getByRole('searchbox', { name: 'Cari instansi atau layanan…' }), {
    target: { value: query },
  });

describe('kiosk UI: agency groups', () => {
  it('reaches a service in three taps: group, agency, service; Kembali retraces them', () => {
    // Arrange
    big();
    fireEvent.click(button('Sentuh untuk mulai'));

    // Act
    fireEvent.click(button('Kendaraan dan Kepolisian'));
    fireEvent.click(button('Samsat'));
    fireEvent.click(screen.getByRole('button', { name: /^Pembayaran pajak kendaraan tahunan/ }));

    // Assert
    expect(
      screen.getByRole('heading', { level: 1, name: /^Pembayaran pajak kendaraan tahunan/ }),
    ).toBeTruthy();
    fireEvent.click(button('Kembali'));
    fireEvent.click(button('Kembali'));
    expect(heading('Kendaraan dan Kepolisian')).toBeTruthy();
    fireEvent.click(button('Kembali'));
    expect(button('Kesehatan dan Jaminan Sosial')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Samsat' })).toBeNull();
  });

  it('names the agencies of each group on its tile and leaves a group by "Semua kelompok"', () => {
    // Arrange
    big();
    fireEvent.click(button('Sentuh untuk mulai'));

    // Act
    const tile = button('Kependudukan dan Keimigrasian');
    fireEvent.click(tile);
    const inside = screen.getAllByRole('button').map((b) => b.getAttribute('aria-labelledby'));
    fireEvent.click(button('Semua kelompok'));

    // Assert
    expect(tile.textContent).toContain('Disdukcapil · Imigrasi · Kemenkum');
    expect(inside.length).toBeGreaterThan(3);
    expect(button('Perizinan dan Usaha')).toBeTruthy();
  });

  it('shows the agencies without groups when the site has none', () => {
    // Arrange
    renderKiosk({
      config: kioskBundle({ agencies: agenciesOf(BIG_DIR) }),
      profile: kioskProfile(),
    });

    // Act
    fireEvent.click(button('Sentuh untuk mulai'));

    // Assert
    expect(button('Taspen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Perizinan dan Usaha' })).toBeNull();
  });
});

describe('kiosk UI: the services offered first', () => {
  it('offers the main services until tickets are counted, then today’s most asked, one tap away', () => {
    // Arrange
    const k = big();
    fireEvent.click(button('Sentuh untuk mulai'));
    const before = within(screen.getByRole('region', { name: 'Layanan utama' }))
      .getAllByRole('button')
      .map((b) => b.textContent);

    // Act
    act(() =>
      k.actor.send({
        type: 'availability.updated',
        availability: {},
        popular: ['imigrasi-paspor-dewasa', 'samsat-pajak-tahunan'],
      }),
    );
    const today = within(screen.getByRole('region', { name: 'Paling banyak dicari hari ini' }));
    const names = today.getAllByRole('button').map((b) => b.textContent);
    fireEvent.click(today.getAllByRole('button')[0] as HTMLElement);

    // Assert
    expect(before[0]).toContain('Disdukcapil');
    expect(before).toHaveLength(4);
    expect(names).toEqual([
      expect.stringMatching(/^Paspor dewasa.*Imigrasi$/),
      expect.stringMatching(/^Pembayaran pajak kendaraan tahunan.*Samsat$/),
    ]);
    expect(screen.getByRole('heading', { level: 1, name: /^Paspor dewasa/ })).toBeTruthy();
  });
});

describe('kiosk UI: search on a large catalogue', () => {
  it('lists the passport services for "paspor" and a slipped "pasapor"', () => {
    // Arrange
    big();
    fireEvent.click(button('Sentuh untuk mulai'));

    // Act
    search('pasapor');
    const services = within(screen.getByRole('region', { name: 'Layanan' }));

    // Assert
    expect(services.getAllByRole('button')[0]?.textContent).toMatch(/^Paspor dewasa/);
    expect(
      within(screen.getByRole('region', { name: 'Instansi' })).getByRole('button').textContent,
    ).toMatch(/^D?Imigrasi/);
  });

  it('clears the query with a large "Hapus pencarian" button, there only once something is typed', () => {
    // Arrange
    const k = big();
    fireEvent.click(button('Sentuh untuk mulai'));
    expect(screen.queryByRole('button', { name: 'Hapus pencarian' })).toBeNull();
    search('ktp');

    // Act
    fireEvent.click(button('Hapus pencarian'));

    // Assert
    expect(k.actor.getSnapshot().context.query).toBe('');
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    expect(button('Kependudukan dan Keimigrasian')).toBeTruthy();
  });
});
