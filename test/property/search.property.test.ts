import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  listedServices,
  normalizeSearch,
  type SearchHit,
  searchCatalogue,
} from '../../src/domain/search';
import { agenciesOf, sampleCatalogue } from '../fixtures/catalogue';

const CATALOGUE = sampleCatalogue();
const SERVICES = CATALOGUE.flatMap((agency) =>
  agency.services.map((service) => ({ agency, service })),
);
const VOCABULARY = [
  ...new Set(
    SERVICES.flatMap(({ agency, service }) =>
      [agency.shortName.id, service.name.id, service.name.en ?? ''].flatMap((t) => t.split(/\s+/)),
    ),
  ),
].filter(Boolean);

/** Every (agency, service) pair shown, as 'agency/service'. */
const shown = (hits: readonly SearchHit[]) =>
  new Set(hits.flatMap((h) => h.services.map((s) => `${h.agency.id}/${s.id}`)));

describe('normalizeSearch (properties)', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = normalizeSearch(text);
        expect(normalizeSearch(once)).toBe(once);
      }),
    );
  });

  it('never leaves upper case, marks, punctuation or double spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const result = normalizeSearch(text);
        expect(result).not.toMatch(/[\p{Lu}\p{M}]|[^\p{L}\p{N} ]|\s{2}|^\s|\s$/u);
      }),
    );
  });
});

describe('searchCatalogue (properties)', () => {
  it('finds every service by its Indonesian name, in any letter case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SERVICES), fc.boolean(), ({ agency, service }, upper) => {
        const query = upper ? service.name.id.toUpperCase() : service.name.id;
        expect(shown(searchCatalogue(CATALOGUE, query))).toContain(`${agency.id}/${service.id}`);
      }),
    );
  });

  it('finds a service by a prefix of each word of its name', () => {
    const withPrefixes = fc.constantFrom(...SERVICES).chain(({ agency, service }) => {
      const words = normalizeSearch(service.name.id).split(' ');
      const prefixes = words.map((w) =>
        fc.integer({ min: 1, max: w.length }).map((n) => w.slice(0, n)),
      );
      return fc.tuple(fc.constant(`${agency.id}/${service.id}`), fc.tuple(...prefixes));
    });
    fc.assert(
      fc.property(withPrefixes, ([key, prefixes]) => {
        expect(shown(searchCatalogue(CATALOGUE, prefixes.join(' ')))).toContain(key);
      }),
    );
  });

  it('never shows more when a word is added (AND)', () => {
    const words = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(words, fc.constantFrom(...VOCABULARY), (query, extra) => {
        const before = shown(searchCatalogue(CATALOGUE, query.join(' ')));
        const after = shown(searchCatalogue(CATALOGUE, [...query, extra].join(' ')));
        for (const key of after) expect(before).toContain(key);
      }),
    );
  });
});

describe('searchCatalogue on the big sample site (properties)', () => {
  const BIG = agenciesOf('test/fixtures/kiosk-config-besar');
  const ALL = BIG.flatMap((agency) => agency.services.map((service) => ({ agency, service })));
  /** Every text search reads, normalised: whether a word occurs anywhere as typed. */
  const TEXTS = BIG.flatMap((a) => [
    a.name.id,
    a.name.en ?? '',
    a.shortName.id,
    a.shortName.en ?? '',
    a.prefix,
    ...(a.aliases ?? []),
    ...a.services.flatMap((s) => [
      s.name.id,
      s.name.en ?? '',
      ...(s.aliases ?? []),
      s.description?.id ?? '',
      s.description?.en ?? '',
    ]),
  ]).map(normalizeSearch);
  const nowhere = (word: string) =>
    !TEXTS.some(
      (t) => t.split(' ').some((w) => w.startsWith(word)) || t.replaceAll(' ', '').includes(word),
    );

  /** A word of 5+ letters of a service's Indonesian name, with one slip after its first letter. */
  const slipped = fc.constantFrom(...ALL).chain(({ agency, service }) => {
    const words = normalizeSearch(service.name.id)
      .split(' ')
      .filter((w) => w.length >= 5 && /^[a-z]+$/.test(w));
    if (words.length === 0) return fc.constant(null);
    return fc.record({
      key: fc.constant(`${agency.id}/${service.id}`),
      word: fc.constantFrom(...words),
      at: fc.integer({ min: 1, max: 3 }),
      kind: fc.constantFrom('swap', 'drop', 'wrong', 'extra'),
      letter: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
    });
  });

  function slip(word: string, at: number, kind: string, letter: string): string {
    const i = Math.min(at, word.length - 2);
    if (kind === 'swap') return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (kind === 'drop') return word.slice(0, i) + word.slice(i + 1);
    if (kind === 'wrong') return word.slice(0, i) + letter + word.slice(i + 1);
    return word.slice(0, i) + letter + word.slice(i);
  }

  it('finds a service by a word of its name with one slip, when the slip is found nowhere as typed', () => {
    fc.assert(
      fc.property(slipped, (pick) => {
        fc.pre(pick !== null);
        if (pick === null) return;
        const typo = slip(pick.word, pick.at, pick.kind, pick.letter);
        fc.pre(normalizeSearch(typo) === typo && nowhere(typo));
        expect(shown(searchCatalogue(BIG, typo))).toContain(pick.key);
      }),
    );
  });

  it('lists each service once, only services of the catalogue, for any text', () => {
    const keys = new Set(ALL.map(({ agency, service }) => `${agency.id}/${service.id}`));
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const listed = listedServices(searchCatalogue(BIG, text)).map(
          ({ agency, service }) => `${agency.id}/${service.id}`,
        );
        expect(new Set(listed).size).toBe(listed.length);
        for (const key of listed) expect(keys).toContain(key);
      }),
    );
  });
});
