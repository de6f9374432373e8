/**
 * A JSON log line as a person at a terminal reads it: the time, the level unless it is
 * info, the message and the fields it does not already tell; a multi-line `detail` (how
 * to trust a certificate) and an error's stack follow on their own lines.
 */

/** One pino JSON line as plain text (ending in a newline); a line that is not JSON as is. */
export function plainLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const { time, level, msg, pid: _pid, detail, err, ...fields } = record;
  const clock = typeof time === 'string' ? time.slice(11, 19) : '';
  const label = level === 'info' || level === undefined ? '' : `${String(level).toUpperCase()} `;
  const told = `${String(msg ?? '')}\n${typeof detail === 'string' ? detail : ''}`;
  const pairs = Object.entries(fields)
    .filter(([, value]) => !toldIn(value, told))
    .map(([key, value]) => `${key}=${show(value)}`);
  const head = [`${clock} ${label}${String(msg ?? '')}`.trim(), ...pairs].join('  ');
  const lines = [head];
  if (typeof detail === 'string') lines.push(detail);
  if (err !== undefined) lines.push(errorText(err));
  return `${lines.join('\n')}\n`;
}

/** Whether the message or detail already shows `value` (a string, or each of an array's). */
function toldIn(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value !== '' && text.includes(value);
  if (Array.isArray(value)) return value.length > 0 && value.every((v) => toldIn(v, text));
  return false;
}

function show(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

function errorText(err: unknown): string {
  if (typeof err !== 'object' || err === null) return `  ${String(err)}`;
  const { stack, message, code } = err as { stack?: unknown; message?: unknown; code?: unknown };
  const text = typeof stack === 'string' ? stack : String(message);
  return `  ${text}${code === undefined ? '' : ` (${String(code)})`}`.replaceAll('\n', '\n  ');
}
