/**
 * What the lobby board says when a counter calls a ticket (../shared/DOMAIN.md §6.3–6.4):
 * "Nomor antrean, A, dua belas. Silakan menuju loket tiga." The call is spoken as a list
 * of words from one fixed vocabulary (`Word`), so a board can say it through a local
 * speech voice (the text) or, offline and without a voice, by playing one short audio clip
 * per word; the same list makes both.
 * Must:
 * - numbers by correct terbilang: "se-" only before belas, puluh, ratus and ribu (sebelas,
 *   seratus, seribu), never "satu ratus"; "satu juta";
 * - letters by their Indonesian names (A "a", B "be", … Q "ki", V "fe", X "eks", Z "zet");
 * - the ticket number by its value by default ("A-012" → "a, dua belas"), digit by digit
 *   when the site asks for it ("a, nol, satu, dua");
 * - never a name or anything but the number and the counter (UU 27/2022: announce the
 *   number only).
 */

/** Letter names, A to Z. */
const LETTERS = {
  A: 'a',
  B: 'be',
  C: 'ce',
  D: 'de',
  E: 'e',
  F: 'ef',
  G: 'ge',
  H: 'ha',
  I: 'i',
  J: 'je',
  K: 'ka',
  L: 'el',
  M: 'em',
  N: 'en',
  O: 'o',
  P: 'pe',
  Q: 'ki',
  R: 'er',
  S: 'es',
  T: 'te',
  U: 'u',
  V: 'fe',
  W: 'we',
  X: 'eks',
  Y: 'ye',
  Z: 'zet',
} as const;

const DIGITS = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
] as const;

/** Every word a call can hold: one audio clip each. */
export type Word =
  | 'nomor antrean'
  | 'silakan menuju loket'
  | (typeof LETTERS)[keyof typeof LETTERS]
  | (typeof DIGITS)[number]
  | 'sepuluh'
  | 'sebelas'
  | 'belas'
  | 'puluh'
  | 'seratus'
  | 'ratus'
  | 'seribu'
  | 'ribu'
  | 'juta';

/** The largest number read aloud: ticket seqs stop at 999,999, counters far below. */
export const MAX_SPOKEN_NUMBER = 999_999_999;

/** Every word of the vocabulary, for the script that records the clips and its check. */
export const VOCABULARY: readonly Word[] = [
  'nomor antrean',
  'silakan menuju loket',
  ...Object.values(LETTERS),
  ...DIGITS,
  'sepuluh',
  'sebelas',
  'belas',
  'puluh',
  'seratus',
  'ratus',
  'seribu',
  'ribu',
  'juta',
];

/**
 * The words of a whole number from 0 to MAX_SPOKEN_NUMBER: 12 → dua belas, 100 → seratus,
 * 2500 → dua ribu lima ratus, 1,000,000 → satu juta.
 */
export function terbilang(n: number): Word[] {
  if (!Number.isInteger(n) || n < 0 || n > MAX_SPOKEN_NUMBER) {
    throw new RangeError(`terbilang: a whole number from 0 to ${MAX_SPOKEN_NUMBER}, got ${n}`);
  }
  if (n === 0) return ['nol'];
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor((n % 1_000_000) / 1000);
  const rest = n % 1000;
  const words: Word[] = [];
  if (millions > 0) words.push(...belowThousand(millions), 'juta');
  if (thousands === 1) words.push('seribu');
  else if (thousands > 1) words.push(...belowThousand(thousands), 'ribu');
  words.push(...belowThousand(rest));
  return words;
}

/** 1–999 (nothing for 0). */
function belowThousand(n: number): Word[] {
  const hundreds = Math.floor(n / 100);
  const words: Word[] = [];
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(digit(hundreds), 'ratus');
  const tens = n % 100;
  if (tens === 0) return words;
  if (tens < 10) words.push(digit(tens));
  else if (tens === 10) words.push('sepuluh');
  else if (tens === 11) words.push('sebelas');
  else if (tens < 20) words.push(digit(tens - 10), 'belas');
  else {
    words.push(digit(Math.floor(tens / 10)), 'puluh');
    if (tens % 10 > 0) words.push(digit(tens % 10));
  }
  return words;
}

function digit(d: number): Word {
  return DIGITS[d] as Word;
}

/** The words of letters A–Z, one name each ("PH" → pe, ha). */
export function letterNames(letters: string): Word[] {
  return [...letters].map((letter) => {
    const name = LETTERS[letter as keyof typeof LETTERS];
    if (name === undefined) throw new RangeError(`letterNames: not a letter A–Z: "${letter}"`);
    return name;
  });
}

/** How a ticket's digits are read: by value ("dua belas", the default) or digit by digit. */
export type NumberReading = 'value' | 'digits';

/** A printed ticket number ("A-012", "A-K007", "PH-001") in its parts. */
const TICKET_NUMBER = /^([A-Z]{1,3})-([A-Z]{0,3})(\d{1,6})$/;

/** The audio clip of a word, under the voice's directory: "nomor antrean" → nomor-antrean.opus. */
export function clipFile(word: Word): string {
  return `${word.replaceAll(' ', '-')}.opus`;
}

/** Where the app serves the clips of the Indonesian voice (public/voice/id). */
export const VOICE_DIR = '/voice/id';

/** A call as spoken: its words, in groups (each group said as one phrase). */
export type Announcement = { groups: Word[][]; text: string };

/**
 * "Nomor antrean, A, dua belas. Silakan menuju loket tiga." for ticket `number` called to
 * counter `counter` (its number on the board: 3, or "3", or "12A" — "dua belas, a").
 */
export function announceCall(
  number: string,
  counter: number | string,
  reading: NumberReading = 'value',
): Announcement {
  const call = announceNumber(number, reading).groups;
  const loket: Word[][] = [['silakan menuju loket', ...counterWords(counter)]];
  return { groups: [...call, ...loket], text: `${sentence(call)} ${sentence(loket)}` };
}

/**
 * "Nomor antrean, a, dua belas." — a ticket's number as the board calls it, without the
 * loket: what the kiosk's voice guidance says on the ticket screen, the call to listen for.
 */
export function announceNumber(number: string, reading: NumberReading = 'value'): Announcement {
  const parts = TICKET_NUMBER.exec(number);
  if (parts === null) throw new RangeError(`announce: not a ticket number: "${number}"`);
  const [, prefix = '', tag = '', digits = ''] = parts;
  const value =
    reading === 'digits' ? [...digits].map((d) => digit(Number(d))) : terbilang(Number(digits));
  const groups: Word[][] = [
    ['nomor antrean'],
    letterNames(prefix),
    ...(tag === '' ? [] : [letterNames(tag)]),
    value,
  ];
  return { groups, text: sentence(groups) };
}

/** A loket's number as spoken: its digits by value, then any letters by name. */
function counterWords(counter: number | string): Word[] {
  if (typeof counter === 'number') return terbilang(counter);
  const parts = /^(\d*)([A-Z]*)$/.exec(counter);
  if (parts === null || counter === '')
    throw new RangeError(`announceCall: not a loket: "${counter}"`);
  const [, digits = '', letters = ''] = parts;
  return [...(digits === '' ? [] : terbilang(Number(digits))), ...letterNames(letters)];
}

/** Word groups as one sentence: "Nomor antrean, a, dua belas." */
function sentence(groups: Word[][]): string {
  const text = groups.map((group) => group.join(' ')).join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
