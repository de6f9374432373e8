/**
 * Text as search compares it: the spellings citizens type ("antrian", "e ktp", "akte")
 * brought to one form, so that a word typed matches the word written in the config.
 */

/** Popular non-standard spellings → the KBBI form, applied at the start of a word. */
const BAKU_PREFIXES: readonly (readonly [string, string])[] = [
  ['antri', 'antre'],
  ['nomer', 'nomor'],
  ['ijin', 'izin'],
  ['praktek', 'praktik'],
  ['fotocopy', 'fotokopi'],
  ['materai', 'meterai'],
  ['pasport', 'paspor'],
  ['kadaluarsa', 'kedaluwarsa'],
  ['silahkan', 'silakan'],
  ['akte', 'akta'],
];

function toBaku(word: string): string {
  for (const [informal, baku] of BAKU_PREFIXES) {
    if (word.startsWith(informal)) return baku + word.slice(informal.length);
  }
  return word;
}

/** Glues a lone "e" to the next word, so "e ktp", "e-KTP" and "ektp" are one word. */
function glueEPrefix(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1];
    if (words[i] === 'e' && next !== undefined) {
      out.push(`e${next}`);
      i++;
    } else out.push(words[i] ?? '');
  }
  return out;
}

/**
 * Text as compared by search: lower case, no diacritics, hyphens/apostrophes/dots
 * joined ("e-KTP" → "ektp", "Jum'at" → "jumat"), other punctuation as spaces, single
 * spaces, and the KBBI form of common misspellings ("antrian" → "antrean").
 */
export function normalizeSearch(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-‐‑'’`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (plain === '') return '';
  return glueEPrefix(plain.split(' ')).map(toBaku).join(' ');
}
