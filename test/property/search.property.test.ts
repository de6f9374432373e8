import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSearch, type SearchHit, searchCatalogue } from '../../src/domain/search';
import { sampleCatalogue } from '../fixtures/catalogue';

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
