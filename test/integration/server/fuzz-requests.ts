/**
 * fast-check arbitraries of hostile API requests: any endpoint, any caller, any body.
 * Each request says whether it cannot possibly succeed (`mustFail`) and whether its
 * endpoint only reads (`readOnly`), so the property can check what must hold. A loket
 * (counter device) pushes its events and reads its staff; the kiosk pushes a loket's
 * events too (accepted, quarantined as not allowed); the staff routes get bodies with a
 * field no server may take.
 */
import fc from 'fast-check';
import {
  bodyText,
  CONTENT_TYPES,
  counterFieldText,
  ID_PARAM,
  QUERY,
  staffFieldText,
  trustedFieldText,
} from './fuzz-values';

/** The seeded site the fuzzer attacks: tokens of each kind and valid bodies to mutate. */
export type FuzzWorld = {
  tokens: { admin: string; device: string; counter: string; revoked: string; otherSite: string };
  deviceId: string;
  revokedDeviceId: string;
  /** A person the admin routes name, and a set-up code spent already. */
  staffId: string;
  usedCode: string;
  templates: Record<
    | 'push'
    | 'counterPush'
    | 'kioskCounterPush'
    | 'leases'
    | 'enroll'
    | 'bootstrap'
    | 'enrollments'
    | 'admins'
    | 'renew'
    | 'staff'
    | 'setupCode'
    | 'lock'
    | 'pin'
    | 'signIn'
    | 'catalogueEdit',
    () => unknown
  >;
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
  /** The client address the app sees (the attempt limits key on it). */
  client: string;
};

/** Who may call: anyone, a code holder, an admin, any device, a loket only. */
type Role = 'public' | 'code' | 'admin' | 'device' | 'counter';
type Endpoint = {
  method: string;
  path: (w: FuzzWorld, param: string) => string;
  role: Role;
  template?: keyof FuzzWorld['templates'];
  param?: 'id' | 'query' | 'auditQuery' | 'staffId';
};

/** Staff bodies with fields to set to what the server must refuse. */
const STAFF_TEMPLATES: readonly (keyof FuzzWorld['templates'])[] = [
  'staff',
  'lock',
  'pin',
  'signIn',
];

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
  { method: 'POST', path: () => '/admin/admins', role: 'admin', template: 'admins' },
  { method: 'GET', path: () => '/admin/tokens', role: 'admin' },
  { method: 'POST', path: () => '/admin/tokens', role: 'admin', template: 'renew' },
  { method: 'POST', path: (_, p) => `/admin/tokens/${p}/revoke`, role: 'admin', param: 'id' },
  { method: 'GET', path: (_, p) => `/admin/audit${p}`, role: 'admin', param: 'auditQuery' },
  { method: 'POST', path: () => '/sync/push', role: 'device', template: 'push' },
  { method: 'POST', path: () => '/sync/push', role: 'counter', template: 'counterPush' },
  { method: 'POST', path: () => '/sync/push', role: 'device', template: 'kioskCounterPush' },
  { method: 'GET', path: (_, p) => `/sync/pull${p}`, role: 'device', param: 'query' },
  { method: 'POST', path: () => '/sync/leases', role: 'device', template: 'leases' },
  { method: 'GET', path: () => '/sync/stream', role: 'device' },
  { method: 'POST', path: () => '/admin/staff', role: 'admin', template: 'staff' },
  { method: 'GET', path: () => '/admin/staff', role: 'admin' },
  {
    method: 'POST',
    path: (_, p) => `/admin/staff/${p}/setup-code`,
    role: 'admin',
    template: 'setupCode',
    param: 'staffId',
  },
  {
    method: 'POST',
    path: (_, p) => `/admin/staff/${p}/lock`,
    role: 'admin',
    template: 'lock',
    param: 'staffId',
  },
  {
    method: 'PUT',
    path: () => '/admin/catalogue/agencies/disdukcapil',
    role: 'admin',
    template: 'catalogueEdit',
  },
  { method: 'GET', path: () => '/staff', role: 'counter' },
  { method: 'POST', path: () => '/staff/pin', role: 'counter', template: 'pin' },
  { method: 'POST', path: () => '/staff/sign-in', role: 'counter', template: 'signIn' },
];

/** Client addresses: a few IPv4 ones, two of one IPv6 /64, and an IPv4-mapped one. */
const CLIENTS = [
  '203.0.113.7',
  '203.0.113.8',
  '2001:db8:1:2::7',
  '2001:db8:1:2::8',
  '::ffff:203.0.113.7',
];

const CALLERS = [
  'none',
  'malformed',
  'unknown',
  'revoked',
  'otherSite',
  'admin',
  'device',
  'counter',
  'random',
] as const;
type Caller = (typeof CALLERS)[number];

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
  return role === 'public' || role === 'code' ? 'none' : role;
}

/** Whether the caller holds a kind of token the endpoint accepts. */
function rightCaller(role: Role, caller: Caller): boolean {
  if (role === 'admin') return caller === 'admin';
  if (role === 'device') return caller === 'device' || caller === 'counter';
  if (role === 'counter') return caller === 'counter';
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
      knownStaff: fc.boolean(),
      query: QUERY,
      client: fc.constantFrom(...CLIENTS),
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
      // Pushes also get one trust-rule field set to an extreme value (src/domain/trust.ts),
      // staff bodies one field set to what must be refused.
      const kind = r.endpoint.template;
      const mutated =
        kind === 'push'
          ? fc.oneof(bodyText(template), trustedFieldText(template))
          : kind === 'counterPush' || kind === 'kioskCounterPush'
            ? fc.oneof(bodyText(template), counterFieldText(template))
            : kind !== undefined && STAFF_TEMPLATES.includes(kind)
              ? fc.oneof(bodyText(template), staffFieldText(template, w.usedCode))
              : bodyText(template);
      const body: fc.Arbitrary<{ text: string; junk: boolean } | null> =
        method === 'GET' ? fc.constant(null) : mutated;
      return body.map((b): FuzzRequest => {
        const param =
          r.endpoint.param === 'query'
            ? r.query
            : r.endpoint.param === 'auditQuery'
              ? r.query.replaceAll('cursor', 'before')
              : r.endpoint.param === 'staffId' && r.knownStaff
                ? w.staffId
                : r.id;
        const path = r.endpoint.path(w, param);
        // Another method may be another endpoint at the same path (GET and POST /admin/tokens).
        const routed = ENDPOINTS.some((e) => e.method === method && e.path(w, param) === path);
        const jsonType = /json/.test(r.contentType);
        const mustFail =
          r.endpoint.role === 'code' ||
          (method !== r.endpoint.method && !routed) ||
          !rightCaller(r.endpoint.role, caller) ||
          (b !== null && (b.junk || !jsonType) && r.endpoint.template !== undefined);
        return {
          method,
          path,
          authorization: authorizationOf(caller, w, r.randomHeader),
          headers: r.contentType ? { 'Content-Type': r.contentType } : {},
          body: b?.text,
          mustFail,
          readOnly: method === 'GET' || (r.endpoint.method === 'GET' && !routed),
          label: `${method} ${path.slice(0, 80)} as ${caller} from ${r.client} (${r.contentType}): ${b?.text.slice(0, 120) ?? ''}`,
          client: r.client,
        };
      });
    });
}
