import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  duplicateKeys,
  jsonErrorOffset,
  lineAndColumn,
} from '../../../src/server/config/json-position';

describe('jsonErrorOffset', () => {
  it.each([
    ['valid JSON', '{"a": [1, -2.5e3, true, null, "x\\n\\u00e9"]}', -1],
    ['a bare word', '{"a": B}', 6],
    ['a trailing comma', '{"a": 1,}', 8],
    ['a missing comma', '[1 2]', 3],
    ['text that ends too early', '{"a": [1', 8],
    ['a bad escape', '"a\\x"', 3],
    ['text after the value', '{} x', 3],
    ['a single-quoted string', "{'a': 1}", 1],
  ])('finds where %s goes wrong', (_name, text, offset) => {
    // Act
    const found = jsonErrorOffset(text);

    // Assert
    expect(found).toBe(offset);
  });

  it('agrees with JSON.parse on what is valid', () => {
    // Arrange
    const texts = ['{}', '[]', '"x"', '0', '01', '1.', '-', '{"a":1}', '[1,]', 'tru', ' null '];

    // Act
    const verdicts = texts.map((t) => jsonErrorOffset(t) === -1);

    // Assert
    expect(verdicts).toEqual(texts.map(parses));
  });
});

/** Nesting far deeper than a recursive scan's stack, which JSON.parse still reads. */
const DEEP = 20_000;

describe('jsonErrorOffset on deep nesting', () => {
  it('scans nesting as deep as JSON.parse reads without running out of stack', () => {
    // Arrange
    const valid = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
    const broken = `${'[{"a":'.repeat(DEEP)}x`;

    // Act
    const offsets = [jsonErrorOffset(valid), jsonErrorOffset(broken)];

    // Assert
    expect(JSON.parse(valid)).toBeInstanceOf(Array);
    expect(offsets).toEqual([-1, broken.length - 1]);
  });
});

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    // Act
    const position = lineAndColumn('{\n  "a": x\n}', 9);

    // Assert
    expect(position).toEqual({ line: 2, column: 8 });
  });
});

describe('duplicateKeys', () => {
  it('finds none in JSON without repeated keys, nor in the same key of different objects', () => {
    // Act
    const found = duplicateKeys('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": {}}');

    // Assert
    expect(found).toEqual([]);
  });

  it('names the path of each repeated key and the offset of every time it is written', () => {
    // Arrange
    const text = '{"services": [{"id": "x"}, {"prefix": "A", "id": "y", "prefix": "B"}], "id": 1}';

    // Act
    const found = duplicateKeys(text);

    // Assert
    expect(found).toEqual([
      {
        segments: ['services', 1, 'prefix'],
        offsets: [text.indexOf('"prefix"'), text.lastIndexOf('"prefix"')],
      },
    ]);
  });

  it('finds several repeated keys in one text, each once, a key written three times included', () => {
    // Arrange
    const text = '{"a": 1, "b": {"c": 1, "c": 2}, "a": 2, "d": [[{"e": 1, "e": 2}]], "a": 3}';

    // Act
    const found = duplicateKeys(text);

    // Assert
    expect(found).toEqual([
      { segments: ['b', 'c'], offsets: [15, 23] },
      { segments: ['d', 0, 0, 'e'], offsets: [48, 56] },
      { segments: ['a'], offsets: [1, 32, 67] },
    ]);
  });

  it('treats keys as JSON.parse does: equal once unescaped, different otherwise', () => {
    // Arrange: "pre\u0066ix" and "\/" are "prefix" and "/"; "é" and "e\u0301" are not one key.
    const text = '{"prefix": 1, "pre\\u0066ix": 2, "/": 1, "\\/": 2, "é": 1, "e\\u0301": 2}';

    // Act
    const found = duplicateKeys(text);

    // Assert
    expect(Object.keys(JSON.parse(text) as object)).toHaveLength(4);
    expect(found.map((d) => d.segments)).toEqual([['prefix'], ['/']]);
  });

  it('finds a repeated key under deep nesting', () => {
    // Arrange
    const text = `${'{"a":'.repeat(DEEP)}{"b": 1, "b": 2}${'}'.repeat(DEEP)}`;

    // Act
    const found = duplicateKeys(text);

    // Assert
    expect(found).toHaveLength(1);
    expect(found[0]?.segments).toHaveLength(DEEP + 1);
    expect(found[0]?.segments.at(-1)).toBe('b');
  });

  it('agrees with JSON.parse on how many keys an object keeps, escaped or not', () => {
    // Arrange: objects whose keys come from a few names, each spelled plainly or as \u escapes.
    const name = fc.constantFrom('id', 'prefix', '__proto__', '$schema', 'é', '', 'a"b');
    const member = fc.record({ name, escaped: fc.boolean(), value: fc.integer() });
    const spell = (key: string, escaped: boolean) =>
      escaped
        ? `"${[...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`
        : JSON.stringify(key);

    fc.assert(
      fc.property(fc.array(member, { maxLength: 12 }), (members) => {
        const text = `{${members.map((m) => `${spell(m.name, m.escaped)}: ${m.value}`).join(', ')}}`;

        // Act
        const found = duplicateKeys(text);

        // Assert: every key written n > 1 times is found with n offsets; the rest are kept once.
        const parsedKeys = Object.getOwnPropertyNames(JSON.parse(text) as object).length;
        const repeats = found.reduce((sum, d) => sum + d.offsets.length - 1, 0);
        expect(parsedKeys + repeats).toBe(members.length);
        for (const d of found) {
          expect(members.filter((m) => m.name === d.segments[0])).toHaveLength(d.offsets.length);
        }
      }),
    );
  });

  it('finds no error and no repeated key in any JSON that JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        // Act
        const verdict = { error: jsonErrorOffset(text), duplicates: duplicateKeys(text) };

        // Assert
        expect(verdict).toEqual({ error: -1, duplicates: [] });
      }),
    );
  });
});
