import { describe, expect, it } from 'vitest';
import type { Cost } from '../../../src/domain/config/schema';
import {
  dayName,
  formatClock,
  formatCost,
  formatDate,
  formatHours,
  formatRupiah,
  formatWait,
} from '../../../src/domain/format';
import { localInstant, rule, WEEKDAY_HOURS } from '../../fixtures/catalogue';

describe('formatRupiah', () => {
  it('writes Rp with dot thousands and no space', () => {
    // Act
    const results = [350000, 1000000, 30000, 950, 1000, 0].map(formatRupiah);

    // Assert
    expect(results).toEqual(['Rp350.000', 'Rp1.000.000', 'Rp30.000', 'Rp950', 'Rp1.000', 'Rp0']);
  });

  it('rounds to whole rupiah', () => {
    // Act
    const result = formatRupiah(37499.6);

    // Assert
    expect(result).toBe('Rp37.500');
  });
});

describe('formatCost', () => {
  it('says Gratis / Free with the legal basis and non-PNBP costs', () => {
    // Arrange
    const cost: Cost = {
      kind: 'free',
      legalBasis: 'UU 24/2013 Pasal 79A',
      otherCosts: { id: 'Fotokopi dokumen', en: 'Photocopies' },
    };

    // Act
    const id = formatCost(cost, 'id');
    const en = formatCost(cost, 'en');

    // Assert
    expect(id).toEqual({
      lines: ['Gratis'],
      legalBasis: 'UU 24/2013 Pasal 79A',
      otherCosts: 'Fotokopi dokumen',
    });
    expect(en.lines).toEqual(['Free']);
    expect(en.otherCosts).toBe('Photocopies');
  });

  it('leaves out absent legal basis and other costs', () => {
    // Act
    const result = formatCost({ kind: 'free' }, 'id');

    // Assert
    expect(result).toEqual({ lines: ['Gratis'] });
  });

  it('writes a single fixed item as just the amount', () => {
    // Arrange
    const skck: Cost = {
      kind: 'fixed',
      items: [{ label: { id: 'SKCK' }, amount: 30000 }],
      legalBasis: 'PP 76/2020',
    };

    // Act
    const result = formatCost(skck, 'id');

    // Assert
    expect(result).toEqual({ lines: ['Rp30.000'], legalBasis: 'PP 76/2020' });
  });

  it('writes several fixed items as "label: amount"', () => {
    // Arrange
    const sim: Cost = {
      kind: 'fixed',
      items: [
        { label: { id: 'SIM A' }, amount: 80000 },
        { label: { id: 'SIM C', en: 'Licence C' }, amount: 75000 },
      ],
      legalBasis: 'PP 76/2020',
      otherCosts: { id: 'Surat keterangan sehat dan tes psikologi (non-PNBP)' },
    };

    // Act
    const id = formatCost(sim, 'id');
    const en = formatCost(sim, 'en');

    // Assert
    expect(id.lines).toEqual(['SIM A: Rp80.000', 'SIM C: Rp75.000']);
    expect(en.lines).toEqual(['SIM A: Rp80.000', 'Licence C: Rp75.000']);
    expect(en.otherCosts).toBe('Surat keterangan sehat dan tes psikologi (non-PNBP)');
  });

  it('writes a variable cost as its note', () => {
    // Arrange
    const bphtb: Cost = {
      kind: 'variable',
      note: { id: 'Sesuai luas tanah', en: 'Depends on the land area' },
      legalBasis: 'PP 128/2015',
    };

    // Act
    const result = formatCost(bphtb, 'en');

    // Assert
    expect(result).toEqual({ lines: ['Depends on the land area'], legalBasis: 'PP 128/2015' });
  });
});

describe('formatDate', () => {
  it('writes day name, date, month name and year in Indonesian and English', () => {
    // Arrange
    const monday = localInstant('2024-10-14T09:00', 'Asia/Jakarta');

    // Act
    const id = formatDate(monday, 'Asia/Jakarta', 'id');
    const en = formatDate(monday, 'Asia/Jakarta', 'en');

    // Assert
    expect(id).toBe('Senin, 14 Oktober 2024');
    expect(en).toBe('Monday, 14 October 2024');
  });

  it('spells Jumat and Minggu the KBBI way', () => {
    // Arrange
    const friday = localInstant('2024-03-01T09:00', 'Asia/Jakarta');
    const sunday = localInstant('2024-08-17T09:00', 'Asia/Makassar') + 24 * 3_600_000;

    // Act
    const results = [
      formatDate(friday, 'Asia/Jakarta', 'id'),
      formatDate(sunday, 'Asia/Makassar', 'id'),
    ];

    // Assert
    expect(results).toEqual(['Jumat, 1 Maret 2024', 'Minggu, 18 Agustus 2024']);
  });

  it('takes the date in the site zone: 23.30 WIB is already Friday in WITA', () => {
    // Arrange
    const instant = localInstant('2024-10-17T23:30', 'Asia/Jakarta');

    // Act
    const wib = formatDate(instant, 'Asia/Jakarta', 'id');
    const wita = formatDate(instant, 'Asia/Makassar', 'id');

    // Assert
    expect(wib).toBe('Kamis, 17 Oktober 2024');
    expect(wita).toBe('Jumat, 18 Oktober 2024');
  });
});

describe('formatClock', () => {
  it('writes HH.MM and the zone abbreviation', () => {
    // Arrange
    const instant = localInstant('2024-10-14T08:05', 'Asia/Jakarta');

    // Act
    const results = [
      formatClock(instant, 'Asia/Jakarta'),
      formatClock(instant, 'Asia/Makassar'),
      formatClock(instant, 'Asia/Jayapura'),
    ];

    // Assert
    expect(results).toEqual(['08.05 WIB', '09.05 WITA', '10.05 WIT']);
  });

  it('writes midnight as 00.00', () => {
    // Act
    const result = formatClock(localInstant('2024-10-15T00:00', 'Asia/Jayapura'), 'Asia/Jayapura');

    // Assert
    expect(result).toBe('00.00 WIT');
  });
});

describe('formatHours', () => {
  it('groups consecutive days and lists the Friday break', () => {
    // Act
    const id = formatHours(WEEKDAY_HOURS, 'id');
    const en = formatHours(WEEKDAY_HOURS, 'en');

    // Assert
    expect(id).toBe('Senin–Kamis 08.00–15.00; Jumat 08.00–11.30, 13.00–15.00');
    expect(en).toBe('Monday–Thursday 08.00–15.00; Friday 08.00–11.30, 13.00–15.00');
  });

  it('merges rules that give days the same intervals, whatever their order', () => {
    // Arrange
    const hours = [
      rule(['sat'], '08:00', '12:00'),
      rule(['mon', 'tue'], '08:00', '15:00'),
      rule(['wed', 'thu', 'fri'], '08:00', '15:00'),
    ];

    // Act
    const result = formatHours(hours, 'id');

    // Assert
    expect(result).toBe('Senin–Jumat 08.00–15.00; Sabtu 08.00–12.00');
  });

  it('does not merge days separated by a closed day', () => {
    // Arrange
    const hours = [rule(['mon', 'wed'], '08:00', '12:00')];

    // Act
    const result = formatHours(hours, 'id');

    // Assert
    expect(result).toBe('Senin 08.00–12.00; Rabu 08.00–12.00');
  });

  it('sorts the intervals of a day and drops duplicates', () => {
    // Arrange
    const hours = [
      rule(['sun'], '13:00', '15:00'),
      rule(['sun'], '08:00', '11:00'),
      rule(['sun'], '13:00', '15:00'),
    ];

    // Act
    const result = formatHours(hours, 'id');

    // Assert
    expect(result).toBe('Minggu 08.00–11.00, 13.00–15.00');
  });

  it('says closed when there are no rules', () => {
    // Act
    const results = [formatHours([], 'id'), formatHours([], 'en')];

    // Assert
    expect(results).toEqual(['Tutup', 'Closed']);
  });
});

describe('formatWait', () => {
  it('writes an estimate in minutes', () => {
    // Act
    const results = [formatWait(20, 'id'), formatWait(20, 'en'), formatWait(1, 'en')];

    // Assert
    expect(results).toEqual(['± 20 menit', '± 20 minutes', '± 1 minute']);
  });

  it('says the citizen is next when there is no wait', () => {
    // Act
    const results = [formatWait(0, 'id'), formatWait(0, 'en'), formatWait(-3, 'id')];

    // Assert
    expect(results).toEqual(['Segera dilayani', 'You are next', 'Segera dilayani']);
  });

  it('rounds a fraction up so a short wait never reads as none', () => {
    // Act
    const results = [formatWait(0.2, 'id'), formatWait(14.1, 'id')];

    // Assert
    expect(results).toEqual(['± 1 menit', '± 15 menit']);
  });

  it('writes an hour or more in hours and minutes', () => {
    // Act
    const results = [formatWait(90, 'id'), formatWait(120, 'id'), formatWait(61, 'en')];

    // Assert
    expect(results).toEqual(['± 1 jam 30 menit', '± 2 jam', '± 1 hour 1 minute']);
  });
});

describe('dayName', () => {
  it('names days from our own tables', () => {
    // Act
    const results = [dayName('fri', 'id'), dayName('sun', 'id'), dayName('fri', 'en')];

    // Assert
    expect(results).toEqual(['Jumat', 'Minggu', 'Friday']);
  });
});
