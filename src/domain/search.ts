/**
 * Search of the agency screen ("Cari layanan…"). Citizens type the way they speak:
 * "antrian", "e-KTP", "nomer", "pasp", "pasapor"; matching is by word prefix on normalised
 * text, every query word must match (AND), a query spelt with different spacing ("ktp el"
 * for "KTP-el") still finds its target, and a word found nowhere as typed is forgiven one
 * slip (two in a long word) of the catalogue's spelling. The services are what is listed.
 */
import type { Agency, LocalText, Service } from './config/schema';
import { editDistance } from './edit-distance';
import { normalizeSearch } from './search-text';

export { normalizeSearch };

/** One field prepared for matching: its words, its words run together, and its weight. */
type Field = { words: string[]; compact: string; starts: Set<number>; weight: number };

function prepare(text: string, weight: number): Field {
  const words = normalizeSearch(text).split(' ').filter(Boolean);
  const starts = new Set<number>();
  let offset = 0;
  for (const word of words) {
    starts.add(offset);
    offset += word.length;
  }
  return { words, compact: words.join(''), starts, weight };
}

const texts = (t: LocalText | undefined): string[] => (t ? [t.id, t.en ?? ''] : []);

const agencyIndex = new WeakMap<Agency, Field[]>();
const serviceIndex = new WeakMap<Service, Field[]>();

/** Fields of an item, built once: each group of texts with its weight (0 = its name). */
function indexed<T extends object>(
  cache: WeakMap<T, Field[]>,
  item: T,
  raw: () => (readonly [string[], number])[],
) {
  let fields = cache.get(item);
  if (!fields) {
    fields = raw().flatMap(([strings, weight]) =>
      strings.filter((s) => s.trim() !== '').map((s) => prepare(s, weight)),
    );
    cache.set(item, fields);
  }
  return fields;
}

/** Weight of a match through the service's agency rather than the service. */
const THROUGH_AGENCY = 4;

function agencyFields(agency: Agency): Field[] {
  return indexed(agencyIndex, agency, () => [
    [[...texts(agency.name), ...texts(agency.shortName), ...(agency.aliases ?? [])], 0],
    [[agency.prefix], 0],
  ]);
}

function serviceFields(service: Service): Field[] {
  return indexed(serviceIndex, service, () => [
    [texts(service.name), 0],
    [service.aliases ?? [], 1],
    [texts(service.description), 2],
  ]);
}

/** How `fragment` starts a word of the field: 0 as a word's start, 1 running across words. */
function startsAWord(field: Field, fragment: string): number | null {
  if (field.words.some((w) => w.startsWith(fragment))) return 0;
  for (
    let at = field.compact.indexOf(fragment);
    at >= 0;
    at = field.compact.indexOf(fragment, at + 1)
  ) {
    if (field.starts.has(at)) return 1;
  }
  return null;
}

/** Slips forgiven in a word of this length: none under 4 letters, two from 9. */
function tolerance(word: string): number {
  return word.length < 4 ? 0 : word.length < 9 ? 1 : 2;
}

/**
 * Whether `typed` is within its tolerance of the start of a word of the field (same first
 * letter: slips come later in a word): "pasapor" → "paspor", "kelaurga" → "keluarga".
 */
function nearlyStartsAWord(field: Field, typed: string): boolean {
  const slips = tolerance(typed);
  if (slips === 0) return false;
  return field.words.some((word) => {
    if (word[0] !== typed[0]) return false;
    const longest = Math.min(word.length, typed.length + slips);
    for (let n = Math.max(1, typed.length - slips); n <= longest; n++) {
      if (editDistance(typed, word.slice(0, n), slips) <= slips) return true;
    }
    return false;
  });
}

/** A query: its words, each told whether it is matched loosely (found nowhere as typed). */
type Query = { words: string[]; loose: boolean[] };

/** The best (lowest) cost of a word in the fields: the field's weight plus how it matched. */
function wordCost(fields: readonly Field[], word: string, loose: boolean): number | null {
  let best: number | null = null;
  for (const field of fields) {
    const how = startsAWord(field, word) ?? (loose && nearlyStartsAWord(field, word) ? 2 : null);
    if (how !== null && (best === null || field.weight + how < best)) best = field.weight + how;
  }
  return best;
}

/**
 * The cost of the query in the fields (lower = better), or null when some word is missing
 * (unless the query run together starts a word: "ktp el" for "KTP-el").
 */
function cost(fields: readonly Field[], query: Query): number | null {
  let sum = 0;
  for (const [i, word] of query.words.entries()) {
    const one = wordCost(fields, word, query.loose[i] ?? false);
    if (one === null) {
      const joined = query.words.join('');
      const whole = fields.find((f) => startsAWord(f, joined) !== null);
      return whole ? whole.weight + 1 : null;
    }
    sum += one;
  }
  return sum;
}

/** Whether some query word matches the fields (a service the query names itself). */
function touches(fields: readonly Field[], query: Query): boolean {
  return query.words.some((w, i) => wordCost(fields, w, query.loose[i] ?? false) !== null);
}

/** An agency in the results, with its services that match. */
export type SearchHit = {
  agency: Agency;
  /** Matching services: those the query names first (best first), then those found through the agency. */
  services: Service[];
  /** How many of `services` (the first ones) the query names themselves. */
  named: number;
  /** The query names the agency itself (its name, short name, alias or prefix). */
  matchedAgency: boolean;
  /** How well each named service matches (lower is better), in the order of `services`. */
  costs: number[];
  /** The best of `costs`; Infinity when none. */
  best: number;
};

function hitFor(agency: Agency, query: Query): SearchHit | null {
  const own = agencyFields(agency).map((f) => ({ ...f, weight: f.weight + THROUGH_AGENCY }));
  const named: { service: Service; cost: number }[] = [];
  const through: Service[] = [];
  for (const service of agency.services) {
    const fields = serviceFields(service);
    const found = cost([...fields, ...own], query);
    if (found === null) continue;
    if (touches(fields, query)) named.push({ service, cost: found });
    else through.push(service);
  }
  const matchedAgency = cost(own, query) !== null;
  if (named.length === 0 && !matchedAgency) return null;
  named.sort((a, b) => a.cost - b.cost); // stable: ties keep config order
  return {
    agency,
    services: [...named.map((n) => n.service), ...through],
    named: named.length,
    matchedAgency,
    costs: named.map((n) => n.cost),
    best: named[0]?.cost ?? Number.POSITIVE_INFINITY,
  };
}

/** Marks the words found nowhere in the catalogue as typed: those get the tolerance. */
function readQuery(agencies: readonly Agency[], text: string): Query {
  const words = normalizeSearch(text).split(' ').filter(Boolean);
  const fields = agencies.flatMap((a) => [
    ...agencyFields(a),
    ...a.services.flatMap(serviceFields),
  ]);
  const loose = words.map((w) => !fields.some((f) => startsAWord(f, w) !== null));
  return { words, loose };
}

/**
 * Agencies and services matching the query. Empty query → every agency, all services.
 * Agencies whose services the query names come first, the best-matching service first,
 * then more such services; then agencies named by the query; ties keep config order.
 */
export function searchCatalogue(agencies: readonly Agency[], query: string): SearchHit[] {
  const read = readQuery(agencies, query);
  if (read.words.length === 0) {
    return agencies.map((agency) => ({
      agency,
      services: [...agency.services],
      named: agency.services.length,
      matchedAgency: true,
      costs: agency.services.map(() => 0),
      best: 0,
    }));
  }
  const hits = agencies.flatMap((agency) => hitFor(agency, read) ?? []);
  return hits.sort((a, b) => a.best - b.best || b.named - a.named);
}

/**
 * The services of the results in the order to list them: those the query names, best
 * match first (ties in the order of the hits), then those found through their agency.
 */
export function listedServices(hits: readonly SearchHit[]): { agency: Agency; service: Service }[] {
  const named = hits.flatMap((h) =>
    h.services
      .slice(0, h.named)
      .map((service, i) => ({ agency: h.agency, service, cost: h.costs[i] ?? 0 })),
  );
  named.sort((a, b) => a.cost - b.cost); // stable
  const rest = hits.flatMap((h) =>
    h.services.slice(h.named).map((service) => ({ agency: h.agency, service })),
  );
  return [...named.map(({ agency, service }) => ({ agency, service })), ...rest];
}
