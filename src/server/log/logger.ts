/**
 * The server's log: pino, one JSON line per event on stdout — or, when stdout is a
 * terminal, the same events as plain lines for a person (./plain.ts).
 * Must: fields are ids, statuses, counts, durations and error codes — never a token, a
 * one-time code, a request body or query, a header, or a person's or device's name.
 */
import pino from 'pino';
import { plainLine } from './plain';

/** What a log line carries besides its message: ids, statuses, durations; no secrets. */
export type LogFields = Record<string, unknown>;

/** Where the server's events go; tests collect them (test/fixtures/logger.ts). */
export interface Logger {
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
}

/** Options of `createLogger`; by default JSON lines on stdout, plain ones on a terminal. */
export type LoggerOptions = {
  /** Plain lines for a person instead of JSON (default: whether stdout is a TTY). */
  plain?: boolean;
  /** Receives each finished line (default: stdout, written synchronously). */
  write?: (line: string) => void;
};

/** The server's logger. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const plain = options.plain ?? process.stdout.isTTY === true;
  const write = options.write;
  const destination =
    write === undefined
      ? plain
        ? { write: (line: string) => process.stdout.write(plainLine(line)) }
        : pino.destination({ dest: 1, sync: true })
      : { write: (line: string) => write(plain ? plainLine(line) : line) };
  const log = pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: safeError },
    },
    destination,
  );
  return {
    info: (fields, message) => log.info(fields, message),
    warn: (fields, message) => log.warn(fields, message),
    error: (fields, message) => log.error(fields, message),
  };
}

/**
 * An error as a log field: its type, message, code and stack, nothing else. pino's own
 * serializer copies every property, and a PostgreSQL error's `detail` quotes row values
 * (a token hash in a unique-key violation, say).
 */
export function safeError(error: unknown, depth = 0): LogFields {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const code = (error as { code?: unknown }).code;
  const fields: LogFields = { type: error.name, message: error.message, stack: error.stack };
  if (typeof code === 'string' || typeof code === 'number') fields.code = code;
  // Causes may chain (or loop): three levels tell the story.
  if (error.cause !== undefined && depth < 3) fields.cause = safeError(error.cause, depth + 1);
  return fields;
}
