/**
 * fast-check arbitraries of hostile request parts: bodies (mutated valid ones, junk JSON,
 * broken text, deep nesting, oversized), number literals JSON never writes, content
 * types, path ids and query strings; pushes with one trust-rule field (of a ticket or of a
 * counter's event) set to an extreme value; staff bodies with a field no server may take.
 */
import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../../src/domain/protocol';

/** Values that break types and ranges: huge, negative, fractional, NaN-like, empty, NUL. */
const HOSTILE_VALUE = fc.oneof(
  fc.constantFrom<unknown>(
    1e308,
    -1e308,
    2 ** 53 + 1,
    -1,
    0,
    1.5,
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '0x1F',
    '',
    ' ',
    '\u0000',
    '\u202e',
    'A'.repeat(5000),
    null,
    true,
    [],
    {},
    { __proto__: 1 },
    '2025-02-30',
    '../../etc/passwd',
    "' OR 1=1 --",
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
/** Number literals JSON.stringify never writes. */
const RAW_NUMBERS = [
  '1e400',
  '-1e400',
  'NaN',
  'Infinity',
  '1e-400',
  '00',
  '1.',
  '.5',
  '1'.repeat(40),
];
export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/vnd.api+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
];

/** Whether a text is valid JSON. */
function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Every path to a value inside a JSON value. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) => pathsOf((value as Record<string, unknown>)[k], [...prefix, k])),
  ];
}

/** A copy of `root` with the value at `path` replaced (or removed, for `undefined`). */
function replaceAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** A NIK-shaped string: personal data that must never reach another device or a public page. */
export const NIK = '3201234567890001';

/**
 * Every pushed field the trust rules name (src/domain/trust.ts), with values of the right
 * type that are extreme or wrong for this site: the ones the server must refuse, and the
 * ones it must accept and quarantine or flag without hurting anyone.
 */
const TRUSTED_FIELDS: readonly (readonly [(string | number)[], fc.Arbitrary<unknown>])[] = [
  [['events', 0, 'data', 'seq'], fc.constantFrom(1e308, 1e9, 999_999, 1_000_000, 2 ** 53, 7)],
  [['events', 0, 'data', 'number'], fc.constantFrom('A-999999', 'A-1000000000', 'A-007', 'Z-001')],
  [['events', 0, 'data', 'prefix'], fc.constantFrom('D', 'ZZZ', 'E')],
  [['events', 0, 'data', 'emergencyTag'], fc.constantFrom('A', 'ZZ', 'QQQ')],
  [['events', 0, 'data', 'agencyId'], fc.constantFrom('imigrasi', NIK, 'Budi Santoso', 'x')],
  [['events', 0, 'data', 'serviceId'], fc.constantFrom('imigrasi-paspor-baru', NIK, '08123456789')],
  [['events', 0, 'data', 'missing'], fc.constantFrom(['kk'], [NIK], ['kk', 'Budi Santoso'], [])],
  [['events', 0, 'data', 'priority'], fc.constantFrom('lansia', 'vip', null)],
  [['events', 0, 'data', 'issuedAt'], fc.constantFrom(0, 1e300, -1, 0xffff_ffff_ffff)],
  [
    ['events', 0, 'hlc'],
    fc.constantFrom('ffffffffffff-ffff', '000000000000-0000', 'fffffffffff-fffff'),
  ],
];

/**
 * Every field of a counter's events the trust rules name, in a push of a call and a
 * transfer of one ticket: values of the right type that are extreme, malformed, or name
 * what the site never had (a ticket never seen, an unknown service or queue: accepted,
 * the transfer quarantined), and other types — a kiosk's, or none at all.
 */
const COUNTER_FIELDS: readonly (readonly [(string | number)[], fc.Arbitrary<unknown>])[] = [
  [['events', 0, 'data', 'loket'], fc.constantFrom('3', '12AB', 'Z', '3a', '12345', '', 'loket 3')],
  // A staffId of 1–64 characters is taken; one that is nobody of the site's staff is
  // quarantined, kept from every device (src/domain/trust.ts refuses empty or long ones).
  [
    ['events', 0, 'data', 'staffId'],
    fc.constantFrom('s', 'Budi Santoso', '', 'x'.repeat(65), 'staff-1'),
  ],
  [
    ['events', 0, 'data', 'ticketId'],
    fc.constantFrom('0190f5e0-0000-7000-8000-00000000abcd', 'A-001', NIK, ''),
  ],
  [['events', 0, 'data', 'mode'], fc.constantFrom('next', 'specific', 'later', null)],
  [
    ['events', 0, 'type'],
    fc.constantFrom(
      'ticket.recalled',
      'ticket.serving',
      'ticket.no-show',
      'ticket.finished',
      'counter.paused',
      'ticket.issued',
      'ticket.deleted',
    ),
  ],
  [['events', 0, 'businessDay'], fc.constantFrom('2020-01-01', '2999-12-31', '2025-02-29')],
  [
    ['events', 1, 'data', 'toServiceId'],
    fc.constantFrom('imigrasi-paspor-anak', 'disdukcapil-kk-perubahan', NIK, 'x'.repeat(64)),
  ],
  [['events', 1, 'data', 'toAgencyId'], fc.constantFrom('disdukcapil', 'bpjs-kesehatan', NIK)],
  [['events', 1, 'data', 'toPrefix'], fc.constantFrom('D', 'DA', 'A', 'Z', 'a', 'ABCD')],
  [['events', 1, 'data', 'outcome'], fc.constantFrom('done', 'selesai')],
  [
    ['events', 1, 'hlc'],
    fc.constantFrom('ffffffffffff-ffff', '000000000000-0000', 'fffffffffff-fffff'),
  ],
];

/** A push body with one trust-rule field set to an extreme or wrong value. */
export function trustedFieldText(template: unknown, fields = TRUSTED_FIELDS) {
  return fc.tuple(fc.nat(fields.length - 1), fc.nat()).chain(([i]) => {
    const [path, values] = fields[i] as (typeof fields)[number];
    return values.map((value) => ({
      text: JSON.stringify(replaceAt(template, path, value)),
      junk: false,
    }));
  });
}

/** A push of a counter's events with one trust-rule field set to an extreme or wrong value. */
export const counterFieldText = (template: unknown) => trustedFieldText(template, COUNTER_FIELDS);

/** PINs no rule may take: too short or long, repeated or consecutive digits, not ASCII digits. */
export const WEAK_PINS = [
  '123456',
  '111111',
  '987654',
  '890123',
  '12345',
  '1234567890123',
  'abcdef',
  '１２３４５６',
  '135 790',
  '',
  '1'.repeat(49),
];

/**
 * Fields of the staff routes' bodies set to what the server must refuse (each with the
 * template's other fields valid): names with control characters, blank or too long; agency
 * lists empty, huge, repeated, malformed or naming unknown agencies; unknown roles; weak
 * PINs with a valid code; wrong, used and malformed codes; a lock that is no boolean.
 */
export function staffFieldText(template: unknown, usedCode: string) {
  const slugs = (n: number) => Array.from({ length: n }, (_, i) => `instansi-${i}`);
  const fields: readonly (readonly [string, fc.Arbitrary<unknown>])[] = [
    [
      'name',
      fc.constantFrom('Siti\u0000Aminah', 'Budi\u0007', 'A\u009bB', '', '  ', 'A'.repeat(81)),
    ],
    [
      'agencies',
      fc.constantFrom(
        [],
        slugs(51),
        slugs(5000),
        ['polri'],
        ['disdukcapil', 'disdukcapil'],
        ['Disdukcapil'],
        [NIK],
        'disdukcapil',
      ),
    ],
    ['role', fc.constantFrom('admin', 'Petugas', '', null)],
    ['pin', fc.constantFrom(...WEAK_PINS)],
    ['setupCode', fc.constantFrom('AAAAA-BBBBB', usedCode, 'zz!', '', 'A'.repeat(65))],
    ['locked', fc.constantFrom('yes', 1, null, 'true')],
    ['staffId', fc.constantFrom(NIK, '', 'siti', 12, null, `${'a'.repeat(36)}`)],
    ['ok', fc.constantFrom('yes', 1, null, 'false')],
  ];
  const own = fields.filter(([field]) => Object.hasOwn(template as object, field));
  return fc.nat(own.length - 1).chain((i) => {
    const [field, values] = own[i] as (typeof own)[number];
    return values.map((value) => ({
      text: JSON.stringify(replaceAt(template, [field], value)),
      junk: true,
    }));
  });
}

/** A JSON body text: a mutated valid body, junk JSON, broken text, deep nesting or too much. */
export function bodyText(template: unknown) {
  const mutated = fc.tuple(fc.nat(), HOSTILE_VALUE, fc.boolean()).map(([i, value, remove]) => {
    const paths = pathsOf(template);
    const path = paths[i % paths.length] ?? [];
    return {
      text: JSON.stringify(replaceAt(template, path, remove ? undefined : value)) ?? '{}',
      junk: false,
    };
  });
  const rawNumber = fc.constantFrom(...RAW_NUMBERS).map((n) => {
    const original = JSON.stringify(template);
    const text = original.replace(/:-?\d+(\.\d+)?(?=[,}\]])/, `:${n}`);
    // A template without a number (`{}`) stays as it is, and valid.
    return { text, junk: text !== original && /^(NaN|Infinity|00|1\.|\.5)$/.test(n) };
  });
  const notAnObject = fc
    .oneof(fc.jsonValue(), fc.array(fc.jsonValue({ maxDepth: 2 })))
    .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
    .map((v) => ({ text: JSON.stringify(v), junk: true }));
  const broken = fc
    .string({ maxLength: 200 })
    .map((s) => ({ text: `{${s}`, junk: !parses(`{${s}`) }));
  const truncated = fc.nat().map((n) => {
    const text = JSON.stringify(template);
    return { text: text.slice(0, 1 + (n % Math.max(1, text.length - 1))), junk: true };
  });
  const deep = fc.integer({ min: 100, max: 200_000 }).map((n) => ({
    text:
      n % 2 === 0 ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`,
    junk: true,
  }));
  const oversized = fc.constantFrom(
    { text: `{"events":[${'0,'.repeat(MAX_BODY_BYTES / 2)}0]}`, junk: true },
    { text: `{"pad":"${'x'.repeat(MAX_BODY_BYTES)}"}`, junk: true },
  );
  return fc.oneof(
    { arbitrary: mutated, weight: 6 },
    { arbitrary: rawNumber, weight: 2 },
    { arbitrary: notAnObject, weight: 2 },
    { arbitrary: broken, weight: 2 },
    { arbitrary: truncated, weight: 2 },
    { arbitrary: deep, weight: 1 },
    { arbitrary: oversized, weight: 1 },
  );
}

/** A path parameter: ids of every shape. */
export const ID_PARAM = fc.oneof(
  fc.uuid(),
  fc.constantFrom('x', '..', '%00', '%2e%2e%2f', "1'%20OR%201=1", 'a'.repeat(3000)),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);

/** A query string: numbers of every size and shape, repeated and unknown keys. */
export const QUERY = fc.oneof(
  fc.constantFrom(
    '',
    '?cursor=-1',
    '?cursor=1e99',
    '?cursor=NaN',
    '?cursor=99999999999999999999',
    '?limit=0',
    '?limit=501',
    '?limit=1.5',
    '?cursor=0&cursor=1',
    '?cursor=%00',
    '?limit=500&cursor=0',
    '?cursor=%20',
    '?cursor[]=1',
    '?x=1',
  ),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
    .map(([c, l]) => `?cursor=${encodeURIComponent(c)}&limit=${encodeURIComponent(l)}`),
);
