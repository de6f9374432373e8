/**
 * Search of the agency grid ("Cari layanan…"). Citizens type the way they speak:
 * "antrian", "e-KTP", "nomer", "pasp"; matching is by word prefix on normalised text,
 * every query word must match (AND), and a query spelt with different spacing
 * ("ktp el" for "KTP-el") still finds its target.
 */
import type { Agency, LocalText, Service } from './config/schema';

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

/** One field prepared for matching: its words, and its words run together. */
type Field = { words: string[]; compact: string; starts: Set<number> };

function prepare(text: string): Field {
  const words = normalizeSearch(text).split(' ').filter(Boolean);
  const starts = new Set<number>();
  let offset = 0;
  for (const word of words) {
    starts.add(offset);
    offset += word.length;
  }
  return { words, compact: words.join(''), starts };
}

const texts = (t: LocalText | undefined): string[] => (t ? [t.id, t.en ?? ''] : []);

const agencyIndex = new WeakMap<Agency, Field[]>();
const serviceIndex = new WeakMap<Service, Field[]>();

function indexed<T extends object>(cache: WeakMap<T, Field[]>, item: T, raw: () => string[]) {
  let fields = cache.get(item);
  if (!fields) {
    fields = raw()
      .filter((s) => s.trim() !== '')
      .map(prepare);
    cache.set(item, fields);
  }
  return fields;
}

function agencyFields(agency: Agency): Field[] {
  return indexed(agencyIndex, agency, () => [
    ...texts(agency.name),
    ...texts(agency.shortName),
    ...(agency.aliases ?? []),
    agency.prefix,
  ]);
}

function serviceFields(service: Service): Field[] {
  return indexed(serviceIndex, service, () => [
    ...texts(service.name),
    ...(service.aliases ?? []),
    ...texts(service.description),
  ]);
}

/** Whether `fragment` starts a word of the field, possibly running across later words. */
function startsAWord(field: Field, fragment: string): boolean {
  if (field.words.some((w) => w.startsWith(fragment))) return true;
  for (
    let at = field.compact.indexOf(fragment);
    at >= 0;
    at = field.compact.indexOf(fragment, at + 1)
  ) {
    if (field.starts.has(at)) return true;
  }
  return false;
}

/** Whether every query word (or the query run together) starts a word of some field. */
function matches(fields: readonly Field[], query: readonly string[]): boolean {
  const found = (w: string) => fields.some((f) => startsAWord(f, w));
  return query.every(found) || found(query.join(''));
}

/** An agency in the results, with the services to show under it. */
export type SearchHit = { agency: Agency; services: Service[]; matchedAgency: boolean };

function hitFor(agency: Agency, query: readonly string[]): SearchHit | null {
  const own = agencyFields(agency);
  if (matches(own, query)) return { agency, services: [...agency.services], matchedAgency: true };
  // A service also matches when the query names its agency too: "imigrasi paspor".
  const services = agency.services.filter((s) => matches([...serviceFields(s), ...own], query));
  return services.length > 0 ? { agency, services, matchedAgency: false } : null;
}

/**
 * Agencies and services matching the query. Empty query → every agency, all services.
 * An agency match shows all its services; otherwise only matching services. Agency
 * matches come first, then agencies with more matching services; ties keep config order.
 */
export function searchCatalogue(agencies: readonly Agency[], query: string): SearchHit[] {
  const words = normalizeSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) {
    return agencies.map((agency) => ({
      agency,
      services: [...agency.services],
      matchedAgency: true,
    }));
  }
  const hits = agencies.flatMap((agency) => hitFor(agency, words) ?? []);
  const rank = (h: SearchHit) => (h.matchedAgency ? Number.MAX_SAFE_INTEGER : h.services.length);
  return hits.sort((a, b) => rank(b) - rank(a)); // stable: ties keep config order
}
