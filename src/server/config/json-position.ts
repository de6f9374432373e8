/**
 * Where JSON text stops being valid. Node 20's JSON.parse often names no position
 * ("Unexpected token '}', ... is not valid JSON"), and whoever edits a config file needs a
 * line and a column. A small recursive-descent scan, run only after JSON.parse failed.
 */

class Stop extends Error {}

const WHITESPACE = ' \t\n\r';
const SIMPLE_ESCAPES = '"\\/bfnrt';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonScanner {
  i = 0;
  constructor(private readonly text: string) {}

  fail(): never {
    throw new Stop();
  }

  space(): void {
    while (this.i < this.text.length && WHITESPACE.includes(this.text.charAt(this.i))) this.i++;
  }

  expect(char: string): void {
    if (this.text[this.i] !== char) this.fail();
    this.i++;
  }

  string(): void {
    this.expect('"');
    for (;;) {
      const c = this.text[this.i];
      if (c === '"') return void this.i++;
      if (c === undefined || c < ' ') this.fail();
      this.i++;
      if (c === '\\') this.escape();
    }
  }

  escape(): void {
    const c = this.text[this.i];
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 1, this.i + 5))) {
      this.i += 5;
    } else if (c !== undefined && SIMPLE_ESCAPES.includes(c)) this.i++;
    else this.fail();
  }

  number(): void {
    NUMBER.lastIndex = this.i;
    if (!NUMBER.exec(this.text)) this.fail();
    this.i = NUMBER.lastIndex;
  }

  members(close: string, member: () => void): void {
    this.i++;
    this.space();
    if (this.text[this.i] === close) return void this.i++;
    for (;;) {
      member();
      this.space();
      if (this.text[this.i] === close) return void this.i++;
      this.expect(',');
      this.space();
    }
  }

  member(): void {
    this.string();
    this.space();
    this.expect(':');
    this.space();
    this.value();
  }

  value(): void {
    const c = this.text.charAt(this.i);
    if (c === '{') this.members('}', () => this.member());
    else if (c === '[') this.members(']', () => this.value());
    else if (c === '"') this.string();
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else this.word();
  }

  word(): void {
    const word = ['true', 'false', 'null'].find((w) => this.text.startsWith(w, this.i));
    if (!word) this.fail();
    this.i += word.length;
  }
}

/** Offset of the first syntax error in `text` (its length if it ends too early); -1 if valid. */
export function jsonErrorOffset(text: string): number {
  const scanner = new JsonScanner(text);
  try {
    scanner.space();
    scanner.value();
    scanner.space();
    return scanner.i < text.length ? scanner.i : -1;
  } catch (error) {
    if (error instanceof Stop) return scanner.i;
    throw error;
  }
}

/** Line and column (both from 1) of an offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
