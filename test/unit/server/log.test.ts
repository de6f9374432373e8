/**
 * The server's logger: JSON lines with a level label, an ISO time and the message;
 * errors reduced to type, message, code and stack (never a PostgreSQL error's `detail`);
 * the plain form for a terminal.
 */
import { describe, expect, it } from 'vitest';
import { createLogger, safeError } from '../../../src/server/log/logger';
import { plainLine } from '../../../src/server/log/plain';

function collect(plain = false) {
  const lines: string[] = [];
  const log = createLogger({ plain, write: (line) => lines.push(line) });
  return { log, lines };
}

describe('server logger', () => {
  it('writes one JSON line per event: level label, ISO time, pid, message and fields', () => {
    const { log, lines } = collect();

    log.info({ reqId: 'r1', status: 200 }, 'GET /api/v1/health 200');
    log.warn({}, 'hati-hati');

    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(
      true,
    );
    const first = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(first).toMatchObject({
      level: 'info',
      pid: process.pid,
      reqId: 'r1',
      status: 200,
      msg: 'GET /api/v1/health 200',
    });
    expect(first.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({ level: 'warn' });
  });

  it('logs an error as type, message, code and stack, leaving out what else it carries', () => {
    const { log, lines } = collect();
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (token_hash)=(c2VjcmV0LWhhc2g) already exists.',
    });

    log.error({ err: error }, 'gagal');

    const err = (JSON.parse(lines[0] ?? '') as { err: Record<string, unknown> }).err;
    expect(Object.keys(err).sort()).toEqual(['code', 'message', 'stack', 'type']);
    expect(err).toMatchObject({ type: 'Error', code: '23505' });
    expect(lines[0]).not.toContain('c2VjcmV0LWhhc2g');
  });

  it('follows an error cause three levels deep, even when it loops', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;

    const fields = safeError(b);

    expect(JSON.stringify(fields).match(/"message"/g)).toHaveLength(4);
    expect(safeError('plain text')).toEqual({ type: 'string', message: 'plain text' });
  });

  it('on a terminal writes plain lines: time, message, untold fields, then detail and stack', () => {
    const { log, lines } = collect(true);

    log.info({ file: '/data/x.txt', count: 2 }, 'Kode ada di /data/x.txt');
    log.info({ detail: '  langkah 1\n  langkah 2' }, 'Cara:');
    log.error({ err: new Error('boom') }, 'gagal');

    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d Kode ada di \/data\/x\.txt {2}count=2\n$/);
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d Cara:\n {2}langkah 1\n {2}langkah 2\n$/);
    expect(lines[2]).toMatch(/^\d\d:\d\d:\d\d ERROR gagal\n {2}Error: boom\n {6}at /);
  });

  it('passes a line that is not JSON through as it is', () => {
    expect(plainLine('not json')).toBe('not json\n');
  });
});
