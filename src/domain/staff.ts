/**
 * Staff who call tickets (petugas loket) and supervise them, and their PINs. A person gets a
 * one-time set-up code from an admin and sets a PIN of at least MIN_PIN_DIGITS digits at
 * first sign-in; the server keeps only a PBKDF2 verifier of it, and counter devices cache
 * the verifiers of the staff allowed on them, so sign-in works with the server down.
 * Events carry the pseudonymous `staffId`, never a name. No default PIN anywhere.
 * Must: pure (used by the server, the counter and tests alike); a PIN is checked by
 * `pinIssue` before it is ever hashed.
 */

export const STAFF_ROLES = ['petugas', 'supervisor', 'admin'] as const;
/**
 * petugas loket: calls and serves; supervisor: also sees every loket of its agencies, and
 * reads the admin screens; admin: runs the site from the admin screens (devices, people,
 * visits, the catalogue).
 */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The roles that sign in at /admin (POST /admin/sign-in). */
export const ADMIN_ROLES = ['admin', 'supervisor'] as const satisfies readonly StaffRole[];
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** Whether a person of `role` may sign in at /admin. */
export function signsInAtAdmin(role: StaffRole): role is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

/** A name as sign-in at /admin matches it: case and extra spaces aside. */
export function signInName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
}

/** A staff member's admin session lasts a working day; then they sign in again. */
export const ADMIN_SESSION_TTL_MS = 12 * 3_600_000;

/** POST /api/v1/admin/sign-in: a person's name as the admin wrote it, and their PIN. */
export type AdminSignInRequest = { name: string; pin: string };

/**
 * Who holds an admin token (POST /admin/sign-in, GET /admin/me): a staff member of an
 * admin role, or an admin of the API's own tokens (`role` admin, `staffId` null).
 */
export type AdminSession = {
  adminId: string;
  staffId: string | null;
  name: string;
  role: AdminRole;
  tokenId: string;
  expiresAt: number;
};

/** The answer to a sign-in: the session and its token, shown once. */
export type AdminSignInResponse = { session: AdminSession; token: string };

export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;

/**
 * How a PIN becomes its verifier: PBKDF2-HMAC-SHA256, 32 bytes, with a 16-byte random salt
 * per person. The iteration count is OWASP's 2023 figure for PBKDF2-SHA256; a verifier keeps
 * its own count, so it can be raised later without breaking older ones.
 */
export const PIN_KDF = {
  hash: 'SHA-256',
  iterations: 600_000,
  saltBytes: 16,
  keyBytes: 32,
} as const;

/**
 * Wrong PINs in a row before a person is locked out: on the site (counted by the server from
 * every counter's reports) and, while the server cannot be reached, on the device itself.
 */
export const PIN_FREE_FAILURES = 5;
/** The first lockout; each later one doubles, up to PIN_MAX_LOCKOUT_MS. */
export const PIN_FIRST_LOCKOUT_MS = 60_000;
export const PIN_MAX_LOCKOUT_MS = 60 * 60_000;

/** A staff member as a counter device holds them: enough to check a PIN offline. */
export type StaffVerifier = {
  staffId: string;
  name: string;
  role: StaffRole;
  /** Agency ids whose tickets this person may call. */
  agencies: string[];
  /** Null until the person has set a PIN with their set-up code. */
  pin: { salt: string; hash: string; iterations: number } | null;
  /** Locked by an admin: no sign-in anywhere until unlocked. */
  locked: boolean;
  /** Grows with every change of this person (PIN set, reset, lock). */
  version: number;
};

/** GET /api/v1/staff (a counter or mobile device's token): the staff allowed on it. */
export type StaffListResponse = { staff: StaffVerifier[]; serverTime: number };

/** POST /api/v1/staff/pin: a set-up code and the PIN its person chose. */
export type SetPinRequest = { setupCode: string; pin: string };
/** The answer: that person's verifier, to cache at once. */
export type SetPinResponse = { staff: StaffVerifier };

/** POST /api/v1/admin/staff: a new person. */
export type CreateStaffRequest = { name: string; role: StaffRole; agencies: string[] };
/** A person as the admin sees them (never a PIN verifier). */
export type StaffSummary = {
  staffId: string;
  name: string;
  role: StaffRole;
  agencies: string[];
  pinSet: boolean;
  locked: boolean;
  createdAt: number;
};
/** Creating a person, or a new set-up code for them (which clears their PIN). */
export type StaffSetupResponse = {
  staff: StaffSummary;
  /** Shown once, to hand to the person; valid until `setupExpiresAt`. */
  setupCode: string;
  setupExpiresAt: number;
};

/** Why a PIN is refused, in the words the person will see (id, en); null when it is fine. */
export function pinIssue(pin: string): { id: string; en: string } | null {
  if (!/^\d+$/.test(pin)) return { id: 'PIN hanya berisi angka.', en: 'A PIN has digits only.' };
  if (pin.length < MIN_PIN_DIGITS || pin.length > MAX_PIN_DIGITS) {
    return {
      id: `PIN harus ${MIN_PIN_DIGITS}–${MAX_PIN_DIGITS} angka.`,
      en: `A PIN has ${MIN_PIN_DIGITS}–${MAX_PIN_DIGITS} digits.`,
    };
  }
  if (isGuessable(pin)) {
    return {
      id: 'PIN ini terlalu mudah ditebak (angka sama atau berurutan).',
      en: 'This PIN is too easy to guess (repeated or consecutive digits).',
    };
  }
  return null;
}

/** One digit repeated, or a run up or down (123456, 987654, 012345…). */
function isGuessable(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - (digits[i] as number) + 10) % 10));
  return steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(9));
}

/** How long a person is locked out after `lockouts` earlier lockouts. */
export function pinLockoutMs(lockouts: number): number {
  return Math.min(PIN_MAX_LOCKOUT_MS, PIN_FIRST_LOCKOUT_MS * 2 ** Math.max(0, lockouts));
}

/** A set-up code is valid this long after an admin made it (like an enrollment code at most). */
export const STAFF_SETUP_CODE_TTL_MS = 7 * 86_400_000;
/** Longest name of a person, in characters. */
export const MAX_STAFF_NAME = 80;
/** Most agencies one person may be given. */
export const MAX_STAFF_AGENCIES = 50;

/** Surfaces whose devices hold staff verifiers (and where a PIN is set): loket and mobile units. */
export const STAFF_SURFACES = ['counter', 'mobile'] as const;

/** Whether a device of this surface (null: its profile left the config) holds staff verifiers. */
export function holdsStaff(surface: string | null): boolean {
  return (STAFF_SURFACES as readonly (string | null)[]).includes(surface);
}

/**
 * Whether a person of `staffAgencies` is allowed on a device whose profile shows
 * `profileAgencies`: some agency in common, or any person when the profile names none.
 */
export function allowedOnProfile(
  profileAgencies: readonly string[] | undefined,
  staffAgencies: readonly string[],
): boolean {
  if (profileAgencies === undefined || profileAgencies.length === 0) return true;
  return staffAgencies.some((id) => profileAgencies.includes(id));
}

/** POST /api/v1/admin/staff/:id/lock: locks (no sign-in anywhere) or unlocks a person. */
export type LockStaffRequest = { locked: boolean };
/** The answer to a lock or unlock. */
export type LockStaffResponse = { staff: StaffSummary };
/** GET /api/v1/admin/staff: every person of the site, oldest first. */
export type AdminStaffListResponse = { staff: StaffSummary[] };

/**
 * POST /api/v1/staff/sign-in: a counter reports the outcome of a PIN it checked. The server
 * counts the person's wrong PINs across the site; while the person is locked out there, a
 * right PIN is refused too.
 */
export type SignInReportRequest = { staffId: string; ok: boolean };
/** The person's standing on the site after the report: locked for how long, tries left. */
export type SignInReportResponse = { lockedForMs: number; triesLeft: number };
