import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/server/config/config-text';

describe('parseConfigText', () => {
  it('keeps the content of a file without issues', () => {
    // Act
    const read = parseConfigText('site.json', '{\n  "id": "a",\n  "city": "b"\n}\n');

    // Assert
    expect(read).toEqual({
      file: 'site.json',
      parsed: { file: 'site.json', content: { id: 'a', city: 'b' } },
      issues: [],
    });
  });

  it('reports a repeated key at its path with the line of each time, and keeps the last value', () => {
    // Arrange
    const text =
      '{\n  "services": [\n    {},\n    {\n      "prefix": "A",\n      "prefix": "B"\n    }\n  ]\n}';

    // Act
    const read = parseConfigText('agencies/a.json', text);

    // Assert
    expect(read.issues).toEqual([
      {
        file: 'agencies/a.json',
        path: '$.services[1].prefix',
        message: 'properti ganda, ditulis 2 kali (baris 5 dan 6): hapus salah satu',
      },
    ]);
    expect(read.parsed?.content).toEqual({ services: [{}, { prefix: 'B' }] });
  });

  it('gives columns when the times share a line, and lists three times', () => {
    // Act
    const read = parseConfigText('site.json', '{"a": 1, "a": 2,\n "a": 3, "b b": 1, "b b": 2}');

    // Assert
    expect(read.issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      '$.a: properti ganda, ditulis 3 kali (baris 1 kolom 2, baris 1 kolom 10, dan baris 2 kolom 2): hapus salah satu',
      '$["b b"]: properti ganda, ditulis 2 kali (baris 2 kolom 10 dan baris 2 kolom 20): hapus salah satu',
    ]);
  });

  it('reports a syntax error with line and column and no content', () => {
    // Act
    const read = parseConfigText('site.json', '{\n  "a": 1,\n}');

    // Assert
    expect(read.parsed).toBeUndefined();
    expect(read.issues).toEqual([
      {
        file: 'site.json',
        path: '$',
        message: expect.stringMatching(/^JSON tidak valid di baris 3 kolom 1: /),
      },
    ]);
  });
});
