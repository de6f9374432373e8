/** Enrolling a kiosk from its set-up screen: what staff are told when the server refuses. */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { enrollDevice, enrollFailureOf } from '../../../src/app/kiosk/enroll';
import { type AnjunganDatabase, openAnjunganDb } from '../../../src/storage/db';
import { readIdentity } from '../../../src/storage/device';

const answer = (status: number, headers: Record<string, string> = {}) =>
  vi.fn(
    async () => new Response(JSON.stringify({ error: 'x', message: 'x' }), { status, headers }),
  ) as unknown as typeof fetch;

const input = { code: 'K7QM2-XHPAB', name: 'Anjungan 1', profileId: 'lobi-utama' };

let db: AnjunganDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
});

describe('enrollDevice refused', () => {
  it('says to wait the seconds or minutes the server asks for after too many wrong codes', async () => {
    const seconds = await enrollDevice(db, null, input, answer(429, { 'Retry-After': '45' })).catch(
      enrollFailureOf,
    );
    const minutes = await enrollDevice(
      db,
      null,
      input,
      answer(429, { 'Retry-After': '240' }),
    ).catch(enrollFailureOf);

    expect(seconds).toEqual({
      id: 'Terlalu banyak percobaan kode yang salah. Coba lagi dalam 45 detik.',
      en: 'Too many wrong codes. Try again in 45 s.',
    });
    expect(minutes).toMatchObject({ id: expect.stringContaining('dalam 4 menit') });
    expect(await readIdentity(db)).toBeNull();
  });

  it('still tells a wrong code apart from a limit', async () => {
    const failure = await enrollDevice(db, null, input, answer(403)).catch(enrollFailureOf);

    expect(failure).toMatchObject({ id: expect.stringContaining('Kode pendaftaran salah') });
  });
});
