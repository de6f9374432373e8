import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineAndColumn } from '../../../src/server/config/json-position';

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
