/**
 * Enrolling a device with the site server: staff-only, loaded with the set-up screen,
 * never on a citizen's way to a ticket.
 */
import type { EnrollResponse } from '../../domain/protocol';
import type { AnjunganDatabase, DeviceIdentity } from '../../storage/db';
import { saveIdentity } from '../../storage/device';
import { newId } from '../../storage/ids';

/** Why enrollment failed, in both languages, for the set-up screen. */
export type EnrollFailure = { id: string; en: string };

export class EnrollError extends Error {
  constructor(readonly failure: EnrollFailure) {
    super(failure.en);
    this.name = 'EnrollError';
  }
}

const FAILURES = {
  code: {
    id: 'Kode pendaftaran salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada admin.',
    en: 'The enrollment code is wrong, used or expired. Ask the admin for a new one.',
  },
  offline: {
    id: 'Server tidak dapat dihubungi. Periksa jaringan, lalu coba lagi.',
    en: 'The server cannot be reached. Check the network, then try again.',
  },
  refused: {
    id: 'Server menolak pendaftaran perangkat ini.',
    en: 'The server refused to enroll this device.',
  },
  storage: {
    id: 'Perangkat tidak dapat disimpan — hubungi petugas.',
    en: 'The device could not be saved — call staff.',
  },
} satisfies Record<string, EnrollFailure>;

/** 429: the server's attempt limit, with the wait it asks for (Retry-After, in seconds). */
function tooManyAttempts(response: Response): EnrollFailure {
  const seconds = Math.max(1, Number(response.headers.get('Retry-After')) || 60);
  const wait =
    seconds < 120
      ? { id: `${seconds} detik`, en: `${seconds} s` }
      : { id: `${Math.ceil(seconds / 60)} menit`, en: `${Math.ceil(seconds / 60)} min` };
  return {
    id: `Terlalu banyak percobaan kode yang salah. Coba lagi dalam ${wait.id}.`,
    en: `Too many wrong codes. Try again in ${wait.en}.`,
  };
}

/**
 * Enrollment: trades the one-time code for the device's token and emergency tag, then
 * stores the identity. A device enrolled before keeps its id, so its log goes on.
 */
export async function enrollDevice(
  db: AnjunganDatabase,
  previous: DeviceIdentity | null,
  input: { code: string; name: string; profileId: string },
  fetcher: typeof fetch = (i, init) => globalThis.fetch(i, init),
): Promise<DeviceIdentity> {
  const deviceId = previous?.deviceId ?? newId();
  let response: Response;
  try {
    response = await fetcher('/api/v1/enroll', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        code: input.code,
        deviceId,
        name: input.name,
        profileId: input.profileId,
      }),
    });
  } catch {
    throw new EnrollError(FAILURES.offline);
  }
  if (response.status === 401 || response.status === 403 || response.status === 404)
    throw new EnrollError(FAILURES.code);
  if (response.status === 429) throw new EnrollError(tooManyAttempts(response));
  if (!response.ok)
    throw new EnrollError(response.status >= 500 ? FAILURES.offline : FAILURES.refused);
  const answer = (await response.json().catch(() => null)) as EnrollResponse | null;
  if (!answer || typeof answer.token !== 'string' || answer.deviceId !== deviceId)
    throw new EnrollError(FAILURES.refused);
  const identity: DeviceIdentity = {
    deviceId,
    siteId: answer.siteId,
    name: input.name,
    profileId: input.profileId,
    emergencyTag: answer.emergencyTag,
    token: answer.token,
    enrolledAt: answer.serverTime,
  };
  try {
    await saveIdentity(db, identity);
  } catch {
    throw new EnrollError(FAILURES.storage);
  }
  return identity;
}

/** The failure to show for anything enrollDevice threw. */
export function enrollFailureOf(error: unknown): EnrollFailure {
  return error instanceof EnrollError ? error.failure : FAILURES.storage;
}
