/**
 * fast-check arbitraries of hostile API requests: any endpoint, any caller, any body.
 * Each request says whether it cannot possibly succeed (`mustFail`) and whether its
 * endpoint only reads (`readOnly`), so the property can check what must hold.
 */
import fc from 'fast-check';
import { MAX_BODY_BYTES } from '../../../src/domain/protocol';

/** The seeded site the fuzzer attacks: tokens of each kind and valid bodies to mutate. */
export type FuzzWorld = {
  tokens: { admin: string; device: string; revoked: string; otherSite: string };
  deviceId: string;
  revokedDeviceId: string;
  templates: Record<'push' | 'leases' | 'enroll' | 'bootstrap' | 'enrollments', () => unknown>;
};

export type FuzzRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  headers: Record<string, string>;
  body: string | undefined;
  mustFail: boolean;
  readOnly: boolean;
  label: string;
};

type Role = 'public' | 'code' | 'admin' | 'device';
type Endpoint = {
  method: string;
  path: (w: FuzzWorld, param: string) => string;
  role: Role;
  template?: keyof FuzzWorld['templates'];
  param?: 'id' | 'query';
};

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: () => '/health', role: 'public' },
  { method: 'GET', path: () => '/config', role: 'public' },
  { method: 'GET', path: (_, p) => `/tickets/${p}`, role: 'public', param: 'id' },
  { method: 'POST', path: () => '/bootstrap', role: 'code', template: 'bootstrap' },
  { method: 'POST', path: () => '/enroll', role: 'code', template: 'enroll' },
  { method: 'POST', path: () => '/admin/enrollments', role: 'admin', template: 'enrollments' },
  { method: 'GET', path: () => '/admin/devices', role: 'admin' },
  { method: 'POST', path: (_, p) => `/admin/devices/${p}/revoke`, role: 'admin', param: 'id' },
  { method: 'GET', path: () => '/admin/flagged', role: 'admin' },
  { method: 'POST', path: () => '/sync/push', role: 'device', template: 'push' },
  { method: 'GET', path: (_, p) => `/sync/pull${p}`, role: 'device', param: 'query' },
  { method: 'POST', path: () => '/sync/leases', role: 'device', template: 'leases' },
  { method: 'GET', path: () => '/sync/stream', role: 'device' },
];

const CALLERS = [
  'none',
  'malformed',
  'unknown',
  'revoked',
  'otherSite',
  'admin',
  'device',
  'random',
] as const;
type Caller = (typeof CALLERS)[number];

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
const CONTENT_TYPES = [
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

/** A JSON body text: a mutated valid body, junk JSON, broken text, deep nesting or too much. */
function bodyText(template: unknown) {
  const mutated = fc.tuple(fc.nat(), HOSTILE_VALUE, fc.boolean()).map(([i, value, remove]) => {
    const paths = pathsOf(template);
    const path = paths[i % paths.length] ?? [];
    return {
      text: JSON.stringify(replaceAt(template, path, remove ? undefined : value)) ?? '{}',
      junk: false,
    };
  });
  const rawNumber = fc.constantFrom(...RAW_NUMBERS).map((n) => ({
    text: JSON.stringify(template).replace(/:-?\d+(\.\d+)?(?=[,}\]])/, `:${n}`),
    junk: /^(NaN|Infinity|00|1\.|\.5)$/.test(n),
  }));
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
const ID_PARAM = fc.oneof(
  fc.uuid(),
  fc.constantFrom('x', '..', '%00', '%2e%2e%2f', "1'%20OR%201=1", 'a'.repeat(3000)),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);

/** A query string: numbers of every size and shape, repeated and unknown keys. */
const QUERY = fc.oneof(
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

function authorizationOf(caller: Caller, w: FuzzWorld, random: string): string | undefined {
  switch (caller) {
    case 'none':
      return undefined;
    case 'malformed':
      return `Basic ${random}`;
    case 'unknown':
      return 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    case 'random':
      return random;
    default:
      return `Bearer ${w.tokens[caller]}`;
  }
}

/** The caller each endpoint is meant for. */
function rightCallerOf(role: Role): Caller {
  return role === 'admin' ? 'admin' : role === 'device' ? 'device' : 'none';
}

/** Whether the caller holds the one kind of token the endpoint accepts. */
function rightCaller(role: Role, caller: Caller): boolean {
  if (role === 'admin') return caller === 'admin';
  if (role === 'device') return caller === 'device';
  return true;
}

/** One hostile request against the world `world()` (read when the request is generated). */
export function fuzzRequest(world: () => FuzzWorld): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      endpoint: fc.constantFrom(...ENDPOINTS),
      // Half the time the right kind of token, so bodies get past the guards.
      caller: fc.oneof(
        { arbitrary: fc.constant('right' as const), weight: 5 },
        { arbitrary: fc.constantFrom(...CALLERS), weight: 4 },
      ),
      randomHeader: fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,80}$/),
      id: ID_PARAM,
      query: QUERY,
      contentType: fc.oneof(
        { arbitrary: fc.constant('application/json'), weight: 4 },
        { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 2 },
      ),
      otherMethod: fc.oneof(
        { arbitrary: fc.constant(null), weight: 9 },
        { arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), weight: 1 },
      ),
    })
    .chain(({ caller: asked, ...r }) => {
      const w = world();
      const caller = asked === 'right' ? rightCallerOf(r.endpoint.role) : asked;
      const method = r.otherMethod ?? r.endpoint.method;
      const template = r.endpoint.template ? w.templates[r.endpoint.template]() : {};
      const body: fc.Arbitrary<{ text: string; junk: boolean } | null> =
        method === 'GET' ? fc.constant(null) : bodyText(template);
      return body.map((b): FuzzRequest => {
        const jsonType = /json/.test(r.contentType);
        const mustFail =
          r.endpoint.role === 'code' ||
          method !== r.endpoint.method ||
          !rightCaller(r.endpoint.role, caller) ||
          (b !== null && (b.junk || !jsonType) && r.endpoint.template !== undefined);
        const path = r.endpoint.path(w, r.endpoint.param === 'query' ? r.query : r.id);
        return {
          method,
          path,
          authorization: authorizationOf(caller, w, r.randomHeader),
          headers: r.contentType ? { 'Content-Type': r.contentType } : {},
          body: b?.text,
          mustFail,
          readOnly: method === 'GET' || r.endpoint.method === 'GET',
          label: `${method} ${path.slice(0, 80)} as ${caller} (${r.contentType}): ${b?.text.slice(0, 120) ?? ''}`,
        };
      });
    });
}
