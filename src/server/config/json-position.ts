/**
 * What JSON.parse does not tell: where JSON text stops being valid (Node 20 often names no
 * position) and which keys an object repeats (JSON.parse keeps the last one silently).
 * One small scan for both, iterative so that nesting as deep as JSON.parse takes is fine.
 */
import type { PathSegment } from '../../domain/config/issues';

/** A key written more than once in one object: its path and the offset of each time. */
export type DuplicateKey = { segments: PathSegment[]; offsets: number[] };

class Stop extends Error {}

/** An open object or array: entries begun so far; `keys` (objects only): each key's offsets. */
type Frame = { close: '}' | ']'; index: number; keys: Map<string, number[]> | undefined };

const WHITESPACE = ' \t\n\r';
const SIMPLE_ESCAPES = '"\\/bfnrt';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonScanner {
  i = 0;
  readonly duplicates: DuplicateKey[] = [];
  /** Must hold one segment per open frame with an entry begun: that entry's key or index. */
  private readonly path: PathSegment[] = [];
  private readonly frames: Frame[] = [];
  constructor(private readonly text: string) {}

  /** Reads the text; each step reads one entry of the innermost open object or array. */
  run(): void {
    this.space();
    this.value();
    while (this.frames.length > 0) this.step(this.frames.at(-1) as Frame);
    this.space();
  }

  /** Reads the frame's first entry, or closes it or reads its next after a complete entry. */
  step(frame: Frame): void {
    if (frame.index === 0) {
      this.entry(frame);
      return;
    }
    this.path.pop();
    this.space();
    if (this.text[this.i] === frame.close) {
      this.i++;
      this.frames.pop();
      this.noteDuplicates(frame);
      return;
    }
    this.expect(',');
    this.space();
    this.entry(frame);
  }

  open(close: '}' | ']'): void {
    this.i++;
    this.space();
    if (this.text[this.i] === close) return void this.i++;
    this.frames.push({ close, index: 0, keys: close === '}' ? new Map() : undefined });
  }

  entry(frame: Frame): void {
    this.path.push(frame.keys ? this.key(frame.keys) : frame.index);
    frame.index++;
    this.value();
  }

  /** Reads `"key":`, notes where the key was, and answers it as JSON.parse reads it. */
  key(keys: Map<string, number[]>): string {
    const start = this.i;
    this.string();
    const raw = this.text.slice(start, this.i);
    // Escapes make one key: "pre\u0066ix" is "prefix" to JSON.parse.
    const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    const offsets = keys.get(key);
    if (offsets) offsets.push(start);
    else keys.set(key, [start]);
    this.space();
    this.expect(':');
    this.space();
    return key;
  }

  noteDuplicates(frame: Frame): void {
    for (const [key, offsets] of frame.keys ?? []) {
      if (offsets.length > 1) this.duplicates.push({ segments: [...this.path, key], offsets });
    }
  }

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

  /** A scalar, or the opening of an object or array (whose entries `run` reads). */
  value(): void {
    const c = this.text.charAt(this.i);
    if (c === '{') this.open('}');
    else if (c === '[') this.open(']');
    else if (c === '"') this.string();
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else this.word();
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

  word(): void {
    const word = ['true', 'false', 'null'].find((w) => this.text.startsWith(w, this.i));
    if (!word) this.fail();
    this.i += word.length;
  }
}

/** Scans `text`; `error` is the offset of its first syntax error, or -1 if it is valid. */
function scan(text: string): { error: number; duplicates: DuplicateKey[] } {
  const scanner = new JsonScanner(text);
  try {
    scanner.run();
    return { error: scanner.i < text.length ? scanner.i : -1, duplicates: scanner.duplicates };
  } catch (error) {
    if (error instanceof Stop) return { error: scanner.i, duplicates: scanner.duplicates };
    throw error;
  }
}

/** Offset of the first syntax error in `text` (its length if it ends too early); -1 if valid. */
export function jsonErrorOffset(text: string): number {
  return scan(text).error;
}

/** Every key that one object of valid JSON `text` holds more than once, innermost first. */
export function duplicateKeys(text: string): DuplicateKey[] {
  return scan(text).duplicates;
}

/** Line and column (both from 1) of an offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
