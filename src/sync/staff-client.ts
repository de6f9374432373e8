/**
 * A counter device's staff calls (src/domain/staff.ts) over fetch: the verifiers of the
 * staff allowed on it, a first PIN set with a set-up code, and the outcome of a PIN it
 * checked. Failures are `TransportError`s, as in ./transport.ts.
 */
import type {
  SetPinRequest,
  SetPinResponse,
  SignInReportRequest,
  SignInReportResponse,
  StaffListResponse,
  StaffVerifier,
} from '../domain/staff';
import { createHttpCaller, type HttpTransportOptions } from './transport';

/** What a counter asks the server about its staff. */
export interface StaffClient {
  list(signal: AbortSignal): Promise<StaffListResponse>;
  setPin(request: SetPinRequest, signal: AbortSignal): Promise<SetPinResponse>;
  reportSignIn(request: SignInReportRequest, signal: AbortSignal): Promise<SignInReportResponse>;
}

/** The StaffClient over HTTP: /api/v1/staff, /api/v1/staff/{pin,sign-in}. */
export function createStaffClient(options: HttpTransportOptions): StaffClient {
  const { call, json, post } = createHttpCaller(options, '/api/v1/staff');
  return {
    list: async (signal) => json(await call('', {}, signal), checkStaffList, signal),
    setPin: async (request, signal) =>
      json(await call('/pin', post(request), signal), checkSetPin, signal),
    reportSignIn: async (request, signal) =>
      json(await call('/sign-in', post(request), signal), checkSignInReport, signal),
  };
}

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** A person as the server sends them: enough to be shown and to check a PIN. */
function isVerifier(v: unknown): v is StaffVerifier {
  if (!isObject(v)) return false;
  const { staffId, name, agencies, pin, locked, version } = v;
  if (typeof staffId !== 'string' || typeof name !== 'string' || !Array.isArray(agencies)) {
    return false;
  }
  const pinOk =
    pin === null ||
    (isObject(pin) &&
      typeof pin.salt === 'string' &&
      typeof pin.hash === 'string' &&
      isCount(pin.iterations));
  return pinOk && typeof locked === 'boolean' && isCount(version);
}

function checkStaffList(body: unknown): StaffListResponse | null {
  if (!isObject(body) || !Array.isArray(body.staff) || !body.staff.every(isVerifier)) return null;
  const serverTime = body.serverTime;
  if (typeof serverTime !== 'number') return null;
  return { staff: body.staff, serverTime };
}

function checkSetPin(body: unknown): SetPinResponse | null {
  return isObject(body) && isVerifier(body.staff) ? { staff: body.staff } : null;
}

function checkSignInReport(body: unknown): SignInReportResponse | null {
  if (!isObject(body)) return null;
  const { lockedForMs, triesLeft } = body;
  return isCount(lockedForMs) && isCount(triesLeft) ? { lockedForMs, triesLeft } : null;
}
