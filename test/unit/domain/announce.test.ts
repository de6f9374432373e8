import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  announceCall,
  announceNumber,
  letterNames,
  MAX_SPOKEN_NUMBER,
  terbilang,
  VOCABULARY,
  type Word,
} from '../../../src/domain/announce';

const say = (n: number) => terbilang(n).join(' ');

/**
 * Reads Indonesian number words back into a number, written apart from the code under
 * test: a word's value either adds (satu … sebelas, se- words) or multiplies what came
 * before it within its group (belas, puluh, ratus; ribu and juta close a group).
 */
function readBack(words: readonly string[]): number {
  const units: Record<string, number> = {
    nol: 0,
    satu: 1,
    dua: 2,
    tiga: 3,
    empat: 4,
    lima: 5,
    enam: 6,
    tujuh: 7,
    delapan: 8,
    sembilan: 9,
    sepuluh: 10,
    sebelas: 11,
    seratus: 100,
  };
  let total = 0;
  let group = 0;
  let last = 0;
  for (const word of words) {
    if (word in units) {
      last = units[word] as number;
      group += last;
    } else if (word === 'belas') group += 10;
    else if (word === 'puluh') group += last * 9;
    else if (word === 'ratus') group += last * 99;
    else if (word === 'seribu') total += 1000;
    else if (word === 'ribu') {
      total += group * 1000;
      group = 0;
    } else if (word === 'juta') {
      total += group * 1_000_000;
      group = 0;
    } else throw new Error(`not a number word: ${word}`);
  }
  return total + group;
}

describe('terbilang', () => {
  it.each([
    [0, 'nol'],
    [1, 'satu'],
    [9, 'sembilan'],
    [10, 'sepuluh'],
    [11, 'sebelas'],
    [12, 'dua belas'],
    [19, 'sembilan belas'],
    [20, 'dua puluh'],
    [21, 'dua puluh satu'],
    [99, 'sembilan puluh sembilan'],
    [100, 'seratus'],
    [101, 'seratus satu'],
    [110, 'seratus sepuluh'],
    [111, 'seratus sebelas'],
    [115, 'seratus lima belas'],
    [200, 'dua ratus'],
    [999, 'sembilan ratus sembilan puluh sembilan'],
    [1000, 'seribu'],
    [1001, 'seribu satu'],
    [1011, 'seribu sebelas'],
    [1100, 'seribu seratus'],
    [2000, 'dua ribu'],
    [2500, 'dua ribu lima ratus'],
    [9999, 'sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [10_000, 'sepuluh ribu'],
    [11_000, 'sebelas ribu'],
    [100_000, 'seratus ribu'],
    [101_000, 'seratus satu ribu'],
    [999_999, 'sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan'],
    [1_000_000, 'satu juta'],
    [1_001_000, 'satu juta seribu'],
    [2_000_001, 'dua juta satu'],
  ])('%i → %s', (n, words) => {
    expect(say(n)).toBe(words);
  });

  it('reads every number from 0 to 9,999 back to itself, each differently', () => {
    const seen = new Set<string>();
    for (let n = 0; n <= 9999; n++) {
      const words = terbilang(n);
      expect(readBack(words)).toBe(n);
      seen.add(words.join(' '));
    }
    expect(seen.size).toBe(10_000);
  });

  it('reads any number up to the bound back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SPOKEN_NUMBER }), (n) => {
        expect(readBack(terbilang(n))).toBe(n);
      }),
    );
  });

  it('says se- before belas, puluh, ratus and ribu, never "satu" there, nol only for 0, and only words of the vocabulary', () => {
    const vocabulary = new Set<string>(VOCABULARY);
    // Collected, then asserted once: 20,001 numbers, each checked three ways.
    const wrong: string[] = [];
    for (let n = 0; n <= 20_000; n++) {
      const text = say(n);
      const words = terbilang(n);
      if (/\bsatu (belas|puluh|ratus|ribu)\b/.test(text)) wrong.push(`${n}: ${text}`);
      if (n !== 0 && words.includes('nol')) wrong.push(`${n}: nol in ${text}`);
      for (const word of words) if (!vocabulary.has(word)) wrong.push(`${n}: '${word}'`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([-1, 1.5, Number.NaN, MAX_SPOKEN_NUMBER + 1])('refuses %s', (n) => {
    expect(() => terbilang(n)).toThrow(RangeError);
  });
});

describe('letter names', () => {
  it('names every letter A–Z as Indonesian reads it', () => {
    expect(letterNames('ABCDEFGHIJKLMNOPQRSTUVWXYZ').join(' ')).toBe(
      'a be ce de e ef ge ha i je ka el em en o pe ki er es te u fe we eks ye zet',
    );
  });

  it('refuses anything but capital letters', () => {
    expect(() => letterNames('a')).toThrow(RangeError);
    expect(() => letterNames('1')).toThrow(RangeError);
  });
});

describe('announceCall', () => {
  it('says the number by its value and the counter', () => {
    const call = announceCall('A-012', 3);

    expect(call.text).toBe('Nomor antrean, a, dua belas. Silakan menuju loket tiga.');
    expect(call.groups).toEqual([
      ['nomor antrean'],
      ['a'],
      ['dua', 'belas'],
      ['silakan menuju loket', 'tiga'],
    ] satisfies Word[][]);
  });

  it('reads digit by digit when the site asks, and names every letter of prefix and tag', () => {
    expect(announceCall('PH-K007', 11, 'digits').text).toBe(
      'Nomor antrean, pe ha, ka, nol nol tujuh. Silakan menuju loket sebelas.',
    );
    expect(announceCall('B-1000', 21).text).toBe(
      'Nomor antrean, be, seribu. Silakan menuju loket dua puluh satu.',
    );
  });

  it.each(['A012', 'a-012', 'A-', 'ABCD-001', 'A-1234567', 'Budi'])(
    'refuses "%s", which is no ticket number',
    (number) => {
      expect(() => announceCall(number, 1)).toThrow(RangeError);
    },
  );
});

describe('announceCall with a loket as the counter shows it', () => {
  it('speaks a loket given as text by value, with its letters by name', () => {
    expect(announceCall('A-012', '3').text).toBe(
      'Nomor antrean, a, dua belas. Silakan menuju loket tiga.',
    );
    expect(announceCall('B-001', '12A').groups.at(-1)).toEqual([
      'silakan menuju loket',
      'dua',
      'belas',
      'a',
    ]);
    expect(() => announceCall('A-001', 'loket 3')).toThrow(RangeError);
  });
});

describe('announceNumber: the number alone, as the board calls it', () => {
  it('says the words of the call before "silakan menuju loket"', () => {
    expect(announceNumber('A-012').text).toBe('Nomor antrean, a, dua belas.');
    expect(announceNumber('A-K007').text).toBe('Nomor antrean, a, ka, tujuh.');
    expect(announceNumber('PH-100', 'digits').text).toBe('Nomor antrean, pe ha, satu nol nol.');
    expect(announceCall('A-012', 3).text.startsWith(announceNumber('A-012').text)).toBe(true);
    expect(() => announceNumber('12')).toThrow(RangeError);
  });
});
