// @vitest-environment node
/**
 * Staff in the store, on SQLite and PostgreSQL: creating, listing and finding people of a
 * site; a set-up code that sets a PIN once and never after it expires (also when two
 * requests race with one code); new codes clearing the PIN; locks; versions growing on
 * every change; admin changes audited in their own transaction.
 */
import { describe, expect, it } from 'vitest';
import type { NewStaff, PinVerifier } from '../../../src/server/store/staff';
import { STORE_SITE, useStore } from '../../fixtures/store-builders';
import { storeTargets } from '../../fixtures/store-targets';

const T0 = 1_700_000_000_000;
const WEEK = 7 * 86_400_000;
const ADMIN = 'admin-1';

const newStaff = (staffId: string, overrides: Partial<NewStaff> = {}): NewStaff => ({
  staffId,
  siteId: STORE_SITE,
  name: `Petugas ${staffId}`,
  role: 'petugas',
  agencies: ['disdukcapil'],
  setupCode: { codeHash: `code-${staffId}`, expiresAt: T0 + WEEK },
  createdAt: T0,
  ...overrides,
});
const pin = (n: number): PinVerifier => ({
  salt: `salt-${n}`,
  hash: `hash-${n}`,
  iterations: 600_000,
});

describe.each(storeTargets())('staff ($kind)', (target) => {
  const { store, location } = useStore(target);

  const auditTrail = async () =>
    (await store().auditLog(null, 100))
      .reverse()
      .map((e) => [e.action, e.targetId, e.outcome, e.adminId, e.at]);

  it('creates people, lists those of a site oldest first and finds each by id', async () => {
    const made = await store().createStaff(newStaff('s2', { createdAt: T0 + 1 }), ADMIN);
    await store().createStaff(
      newStaff('s1', { role: 'supervisor', agencies: ['imigrasi', 'bpjs-kesehatan'] }),
      ADMIN,
    );
    await store().createStaff(newStaff('s3', { siteId: 'mpp-lain' }), ADMIN);

    const listed = await store().staffOfSite(STORE_SITE);

    expect(made).toEqual({
      staffId: 's2',
      siteId: STORE_SITE,
      name: 'Petugas s2',
      role: 'petugas',
      agencies: ['disdukcapil'],
      pin: null,
      locked: false,
      version: 1,
      setupExpiresAt: T0 + WEEK,
      createdAt: T0 + 1,
      updatedAt: T0 + 1,
    });
    expect(listed.map((s) => [s.staffId, s.role, s.agencies])).toEqual([
      ['s1', 'supervisor', ['imigrasi', 'bpjs-kesehatan']],
      ['s2', 'petugas', ['disdukcapil']],
    ]);
    expect(await store().staffById(STORE_SITE, 's2')).toEqual(made);
    expect(await store().staffById(STORE_SITE, 's3')).toBeNull();
    expect(await store().staffById(STORE_SITE, 'nobody')).toBeNull();
    expect(JSON.stringify(listed)).not.toContain('code-');
  });

  it('sets the PIN with the code once, spending it, and bumps the version', async () => {
    await store().createStaff(newStaff('s1'), ADMIN);

    const found = await store().staffBySetupCode(STORE_SITE, 'code-s1', T0 + 10);
    const set = await store().setPinByCode(STORE_SITE, 'code-s1', pin(1), T0 + 10);
    const again = await store().setPinByCode(STORE_SITE, 'code-s1', pin(2), T0 + 20);

    expect(found?.staffId).toBe('s1');
    expect(set).toMatchObject({
      staffId: 's1',
      pin: pin(1),
      version: 2,
      setupExpiresAt: null,
      updatedAt: T0 + 10,
    });
    expect(again).toBeNull();
    expect(await store().staffBySetupCode(STORE_SITE, 'code-s1', T0 + 20)).toBeNull();
    expect((await store().staffById(STORE_SITE, 's1'))?.pin).toEqual(pin(1));
  });

  it('takes a code until it expires and never after, nor at another site', async () => {
    await store().createStaff(newStaff('s1'), ADMIN);
    await store().createStaff(newStaff('s2'), ADMIN);

    const expired = await store().setPinByCode(STORE_SITE, 'code-s1', pin(1), T0 + WEEK);
    const foreign = await store().setPinByCode('mpp-lain', 'code-s2', pin(2), T0);
    const lastMoment = await store().setPinByCode(STORE_SITE, 'code-s2', pin(2), T0 + WEEK - 1);

    expect(expired).toBeNull();
    expect(await store().staffBySetupCode(STORE_SITE, 'code-s1', T0 + WEEK)).toBeNull();
    expect((await store().staffById(STORE_SITE, 's1'))?.pin).toBeNull();
    expect(foreign).toBeNull();
    expect(lastMoment?.pin).toEqual(pin(2));
  });

  it('lets one of two requests with the same code set the PIN', async () => {
    await store().createStaff(newStaff('s1'), ADMIN);

    const raced = await Promise.all(
      [1, 2, 3, 4].map((n) => store().setPinByCode(STORE_SITE, 'code-s1', pin(n), T0 + n)),
    );

    const winners = raced.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect((await store().staffById(STORE_SITE, 's1'))?.version).toBe(2);
  });

  it('a new code clears the PIN, voids the old code and bumps the version', async () => {
    await store().createStaff(newStaff('s1'), ADMIN);
    await store().setPinByCode(STORE_SITE, 'code-s1', pin(1), T0 + 1);

    const reset = await store().replaceSetupCode(
      STORE_SITE,
      's1',
      { codeHash: 'code-s1-b', expiresAt: T0 + 2 + WEEK },
      T0 + 2,
      ADMIN,
    );
    const oldCode = await store().setPinByCode(STORE_SITE, 'code-s1', pin(2), T0 + 3);
    const newCode = await store().setPinByCode(STORE_SITE, 'code-s1-b', pin(3), T0 + 4);

    expect(reset).toMatchObject({ pin: null, version: 3, setupExpiresAt: T0 + 2 + WEEK });
    expect(oldCode).toBeNull();
    expect(newCode).toMatchObject({ pin: pin(3), version: 4 });
  });

  it('locks and unlocks, bumping the version only on a change', async () => {
    await store().createStaff(newStaff('s1'), ADMIN);

    const locked = await store().setStaffLocked(STORE_SITE, 's1', true, T0 + 1, ADMIN);
    const again = await store().setStaffLocked(STORE_SITE, 's1', true, T0 + 2, ADMIN);
    const unlocked = await store().setStaffLocked(STORE_SITE, 's1', false, T0 + 3, ADMIN);

    expect([locked, again, unlocked].map((s) => [s?.locked, s?.version, s?.updatedAt])).toEqual([
      [true, 2, T0 + 1],
      [true, 2, T0 + 1],
      [false, 3, T0 + 3],
    ]);
  });

  it('answers null for people it does not have (or another site has) and changes nothing', async () => {
    await store().createStaff(newStaff('s1', { siteId: 'mpp-lain' }), ADMIN);
    const code = { codeHash: 'code-x', expiresAt: T0 + WEEK };

    const reset = await store().replaceSetupCode(STORE_SITE, 's1', code, T0 + 1, ADMIN);
    const locked = await store().setStaffLocked(STORE_SITE, 's1', true, T0 + 2, ADMIN);

    expect([reset, locked]).toEqual([null, null]);
    expect(await store().staffOfSite('mpp-lain')).toMatchObject([
      { staffId: 's1', version: 1, locked: false },
    ]);
    expect(await store().staffBySetupCode('mpp-lain', 'code-x', T0)).toBeNull();
  });

  it('audits each admin change, refused or not, with ids only', async () => {
    await store().createStaff(newStaff('s1'), ADMIN);
    const code = { codeHash: 'code-s1-b', expiresAt: T0 + WEEK };
    await store().replaceSetupCode(STORE_SITE, 's1', code, T0 + 1, ADMIN);
    await store().setStaffLocked(STORE_SITE, 's1', true, T0 + 2, ADMIN);
    await store().setStaffLocked(STORE_SITE, 's1', false, T0 + 3, 'admin-2');
    await store().setStaffLocked(STORE_SITE, 'nobody', true, T0 + 4, ADMIN);
    await store().replaceSetupCode(STORE_SITE, 'nobody', code, T0 + 5, ADMIN);
    await store().setPinByCode(STORE_SITE, 'code-s1-b', pin(1), T0 + 6);

    const trail = await auditTrail();

    expect(trail).toEqual([
      ['staff.create', 's1', 'ok', ADMIN, T0],
      ['staff.setup-code', 's1', 'ok', ADMIN, T0 + 1],
      ['staff.lock', 's1', 'ok', ADMIN, T0 + 2],
      ['staff.unlock', 's1', 'ok', 'admin-2', T0 + 3],
      ['staff.lock', 'nobody', 'unknown_staff', ADMIN, T0 + 4],
      ['staff.setup-code', 'nobody', 'unknown_staff', ADMIN, T0 + 5],
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/Petugas|code-|hash-|salt-/);
  });

  it('keeps the person and their PIN across a reopen', async () => {
    await store().createStaff(newStaff('s1'), ADMIN);
    await store().setPinByCode(STORE_SITE, 'code-s1', pin(1), T0 + 1);
    await store().close();

    const reopened = await location().open();

    expect(await reopened.staffById(STORE_SITE, 's1')).toMatchObject({ pin: pin(1), version: 2 });
  });
});
