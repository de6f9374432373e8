import { describe, expect, it } from 'vitest';
import type { AgencyGroup } from '../../../src/domain/config/schema';
import { offeredFirst } from '../../../src/ui/kiosk/Agencies/catalogue-view';
import { inTurns, OTHER_GROUP, shownGroups } from '../../../src/ui/kiosk/Agencies/groups-view';
import { agency, service } from '../../fixtures/catalogue';

const dukcapil = agency('disdukcapil', { services: [service('ktp'), service('kk')] });
const imigrasi = agency('imigrasi', { services: [service('paspor')] });
const samsat = agency('samsat', { services: [service('pajak', { offeredAt: ['mobile'] })] });
const group = (id: string, agencies: string[]): AgencyGroup => ({
  id,
  name: { id, en: id },
  agencies,
});

describe('shownGroups', () => {
  it('keeps the visible agencies of each group in its order, the rest under "Lainnya"', () => {
    // Act
    const groups = shownGroups(
      [group('kependudukan', ['imigrasi', 'disdukcapil'])],
      [dukcapil, imigrasi, samsat],
    );

    // Assert
    expect(groups.map((g) => [g.id, g.agencies.map((a) => a.id)])).toEqual([
      ['kependudukan', ['imigrasi', 'disdukcapil']],
      [OTHER_GROUP, ['samsat']],
    ]);
  });

  it('shows no groups when fewer than two would have agencies here', () => {
    // Act
    const one = shownGroups(
      [group('kependudukan', ['disdukcapil']), group('kendaraan', ['samsat'])],
      [dukcapil],
    );

    // Assert
    expect(one).toEqual([]);
  });
});

describe('offeredFirst', () => {
  it('offers today’s most asked offered here, else the first service of each agency', () => {
    // Act
    const today = offeredFirst(['pajak', 'kk', 'paspor'], [dukcapil, imigrasi, samsat], 'lobby', 4);
    const fallback = offeredFirst([], [dukcapil, imigrasi, samsat], 'lobby', 4);

    // Assert
    expect(today.today).toBe(true);
    expect(today.services.map((o) => o.service.id)).toEqual(['kk', 'paspor']);
    expect(fallback.today).toBe(false);
    expect(fallback.services.map((o) => o.service.id)).toEqual(['ktp', 'paspor']);
  });
});

describe('inTurns', () => {
  it('takes each group’s first agency, then each group’s second', () => {
    // Arrange
    const groups = shownGroups(
      [group('a', ['disdukcapil', 'imigrasi']), group('b', ['samsat'])],
      [dukcapil, imigrasi, samsat],
    );

    // Act
    const order = inTurns(groups).map((a) => a.id);

    // Assert
    expect(order).toEqual(['disdukcapil', 'samsat', 'imigrasi']);
  });
});
