/**
 * Staff sign-in on a counter device: the PIN against the cached PBKDF2 verifier (as the
 * server makes it, with node's crypto); without the server, wrong PINs counted durably per
 * person, five in a row locking them out for a growing time; with it, the site's standing
 * (wrong PINs of every counter) deciding, and a site lockout kept on the device.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { pinMatches, type ReportSignIn, signIn } from '../../../src/app/counter/sign-in';
import { signInReporter } from '../../../src/app/counter/sign-in-reports';
import { PIN_FIRST_LOCKOUT_MS, type StaffVerifier } from '../../../src/domain/staff';
import { type AnjunganDatabase, openAnjunganDb } from '../../../src/storage/db';
import {
  keepUnreportedSignIn,
  MAX_UNREPORTED_SIGN_INS,
  readPinFailures,
  readUnreportedSignIns,
} from '../../../src/storage/staff';
import type { StaffClient } from '../../../src/sync/staff-client';
import { TransportError } from '../../../src/sync/transport';

const NOW = Date.UTC(2026, 11, 4, 1, 0, 0);
let db: AnjunganDatabase;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openAnjunganDb();
});

/** A verifier as the server makes one (few iterations: the count travels with it). */
function person(pin: string | null, overrides: Partial<StaffVerifier> = {}): StaffVerifier {
  const salt = randomBytes(16);
  return {
    staffId: '0193a0b0-0000-7000-8000-000000000001',
    name: 'Sari',
    role: 'petugas',
    agencies: ['disdukcapil'],
    pin:
      pin === null
        ? null
        : {
            salt: salt.toString('base64url'),
            hash: pbkdf2Sync(pin, salt, 1000, 32, 'sha256').toString('base64url'),
            iterations: 1000,
          },
    locked: false,
    version: 1,
    ...overrides,
  };
}

describe('pinMatches', () => {
  it('derives the server’s verifier with WebCrypto, and nothing else', async () => {
    const sari = person('482915');
    if (!sari.pin) throw new Error('no pin');
    expect(await pinMatches('482915', sari.pin)).toBe(true);
    expect(await pinMatches('482916', sari.pin)).toBe(false);
    expect(await pinMatches('', sari.pin)).toBe(false);
  });
});

describe('signIn', () => {
  it('signs in with the right PIN and clears earlier failures', async () => {
    const sari = person('482915');
    await signIn(db, sari, '000001', NOW);

    const result = await signIn(db, sari, '482915', NOW);

    expect(result).toEqual({ ok: true, staff: sari });
    expect(await readPinFailures(db)).toEqual({});
  });

  it('locks after five wrong PINs, refuses even the right one, and doubles each lockout', async () => {
    const sari = person('482915');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await signIn(db, sari, `99999${i}`, NOW));

    expect(answers.slice(0, 4).map((a) => !a.ok && a.reason === 'wrong' && a.triesLeft)).toEqual([
      4, 3, 2, 1,
    ]);
    expect(answers[4]).toEqual({ ok: false, reason: 'locked', retryAfterMs: PIN_FIRST_LOCKOUT_MS });
    expect(await signIn(db, sari, '482915', NOW + 1000)).toMatchObject({ reason: 'locked' });

    // After the lockout, one more wrong PIN locks again, twice as long.
    const later = NOW + PIN_FIRST_LOCKOUT_MS;
    expect(await signIn(db, sari, '111112', later)).toEqual({
      ok: false,
      reason: 'locked',
      retryAfterMs: 2 * PIN_FIRST_LOCKOUT_MS,
    });
    expect(await signIn(db, sari, '482915', later + 2 * PIN_FIRST_LOCKOUT_MS)).toMatchObject({
      ok: true,
    });
  });

  it('keeps the count across a reload of the device', async () => {
    const sari = person('482915');
    for (let i = 0; i < 4; i++) await signIn(db, sari, '000000', NOW);
    db.close();
    db = await openAnjunganDb();

    expect(await signIn(db, sari, '000000', NOW)).toMatchObject({ reason: 'locked' });
  });

  it('refuses a person an admin locked, and one without a PIN yet, without checking', async () => {
    expect(await signIn(db, person('482915', { locked: true }), '482915', NOW)).toEqual({
      ok: false,
      reason: 'blocked',
    });
    expect(await signIn(db, person(null), '482915', NOW)).toEqual({ ok: false, reason: 'no-pin' });
    expect(await readPinFailures(db)).toEqual({});
  });
});

describe('signIn with the site server answering', () => {
  /** A server that records each report and answers `standing` (null: no answer). */
  function site(standing: { lockedForMs: number; triesLeft: number } | null) {
    const reports: [string, boolean][] = [];
    const report: ReportSignIn = async (staffId, ok) => {
      reports.push([staffId, ok]);
      return standing;
    };
    return { reports, report };
  }

  it('reports right and wrong PINs by person and outcome, never the PIN', async () => {
    const sari = person('482915');
    const server = site({ lockedForMs: 0, triesLeft: 4 });

    await signIn(db, sari, '000001', NOW, server.report);
    await signIn(db, sari, '482915', NOW, server.report);

    expect(server.reports).toEqual([
      [sari.staffId, false],
      [sari.staffId, true],
    ]);
  });

  it('shows the tries the site has left when fewer than this device counted', async () => {
    const result = await signIn(
      db,
      person('482915'),
      '000001',
      NOW,
      site({ lockedForMs: 0, triesLeft: 1 }).report,
    );

    expect(result).toEqual({ ok: false, reason: 'wrong', triesLeft: 1 });
  });

  it('refuses the right PIN while the site has the person locked, and keeps the lock offline', async () => {
    const sari = person('482915');
    const locked = site({ lockedForMs: 2 * PIN_FIRST_LOCKOUT_MS, triesLeft: 0 });

    const right = await signIn(db, sari, '482915', NOW, locked.report);
    const offline = await signIn(db, sari, '482915', NOW + 60_000, site(null).report);
    const later = await signIn(
      db,
      sari,
      '482915',
      NOW + 2 * PIN_FIRST_LOCKOUT_MS,
      site(null).report,
    );

    expect(right).toEqual({ ok: false, reason: 'locked', retryAfterMs: 2 * PIN_FIRST_LOCKOUT_MS });
    expect(offline).toEqual({ ok: false, reason: 'locked', retryAfterMs: PIN_FIRST_LOCKOUT_MS });
    expect(later).toMatchObject({ ok: true });
  });

  it('counts on the device alone when the server does not answer', async () => {
    const sari = person('482915');
    const down = site(null);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await signIn(db, sari, '000001', NOW, down.report));

    expect(results.slice(0, 4).map((r) => (r.ok ? null : r.reason))).toEqual([
      'wrong',
      'wrong',
      'wrong',
      'wrong',
    ]);
    expect(results[4]).toEqual({ ok: false, reason: 'locked', retryAfterMs: PIN_FIRST_LOCKOUT_MS });
    expect(down.reports).toHaveLength(5);
  });
});

describe('signInReporter: outcomes the server did not answer are reported later, in order', () => {
  /** A server that is down, refuses, or answers; it records what it took. */
  function server() {
    const state = { mode: 'down' as 'down' | 'up' | 'refusing', taken: [] as [string, boolean][] };
    const client: StaffClient = {
      list: async () => ({ staff: [], serverTime: 0 }),
      setPin: async () => {
        throw new Error('not used');
      },
      reportSignIn: async ({ staffId, ok }) => {
        if (state.mode === 'down') throw new TransportError('offline');
        if (state.mode === 'refusing') throw new TransportError('http', { status: 404 });
        state.taken.push([staffId, ok]);
        return { lockedForMs: 0, triesLeft: 3 };
      },
    };
    return { state, client };
  }
  const A = '0193a0b0-0000-7000-8000-00000000000a';
  const B = '0193a0b0-0000-7000-8000-00000000000b';

  it('keeps what the server did not answer and sends it first once it answers', async () => {
    const { state, client } = server();
    const reporter = signInReporter(db, client);

    const offline = [await reporter.report(A, false), await reporter.report(B, false)];
    const keptOffline = await readUnreportedSignIns(db);
    state.mode = 'up';
    const online = await reporter.report(A, true);

    expect(offline).toEqual([null, null]);
    expect(keptOffline).toEqual([
      { staffId: A, ok: false },
      { staffId: B, ok: false },
    ]);
    expect(online).toEqual({ lockedForMs: 0, triesLeft: 3 });
    expect(state.taken).toEqual([
      [A, false],
      [B, false],
      [A, true],
    ]);
    expect(await readUnreportedSignIns(db)).toEqual([]);
  });

  it('sends what was kept in the background, and drops what the server refuses', async () => {
    const { state, client } = server();
    const reporter = signInReporter(db, client);
    await reporter.report(A, false);
    await reporter.report(B, false);

    state.mode = 'refusing';
    const refused = await reporter.report(A, false);
    const afterRefusal = await readUnreportedSignIns(db);
    state.mode = 'down';
    await reporter.report(B, false);
    const stillDown = await reporter.flush();
    state.mode = 'up';
    const flushed = await reporter.flush();

    expect(refused).toBeNull();
    expect(afterRefusal).toEqual([]); // refused, not kept: they would be refused again
    expect(stillDown).toBe(false);
    expect(flushed).toBe(true);
    expect(state.taken).toEqual([[B, false]]);
    expect(await readUnreportedSignIns(db)).toEqual([]);
  });

  it(`keeps at most ${MAX_UNREPORTED_SIGN_INS} outcomes, dropping the oldest`, async () => {
    for (let i = 0; i < MAX_UNREPORTED_SIGN_INS + 5; i++) {
      await keepUnreportedSignIn(db, { staffId: `${i}`, ok: false });
    }
    const kept = await readUnreportedSignIns(db);

    expect(kept).toHaveLength(MAX_UNREPORTED_SIGN_INS);
    expect(kept[0]?.staffId).toBe('5');
  });

  it('lets a sign-in count a PIN typed while the server was down on the site later', async () => {
    const { state, client } = server();
    const reporter = signInReporter(db, client);
    const sari = person('482915');

    const offline = await signIn(db, sari, '000001', NOW, reporter.report);
    state.mode = 'up';
    await reporter.flush();

    expect(offline).toEqual({ ok: false, reason: 'wrong', triesLeft: 4 });
    expect(state.taken).toEqual([[sari.staffId, false]]);
  });
});
