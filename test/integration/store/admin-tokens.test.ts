import { beforeEach, describe, expect, it } from 'vitest';
import { adminByToken } from '../../../src/server/store/admin-tokens';
import { MIGRATED_TOKEN_TTL_MS, MIGRATIONS, migrate } from '../../../src/server/store/migrations';
import type { SqlDb } from '../../../src/server/store/sql';
import { useStore } from '../../fixtures/store-builders';
import { storeTargets, useFreshDb } from '../../fixtures/store-targets';

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;
const admin = (adminId: string, createdAt = T0) => ({
  adminId,
  name: `Admin ${adminId}`,
  createdAt,
});
const token = (id: string, createdAt = T0, ttl = 30 * DAY) => ({
  tokenId: `tok-${id}`,
  tokenHash: `hash-${id}`,
  createdAt,
  expiresAt: createdAt + ttl,
});

describe.each(storeTargets())('admin tokens and audit ($kind)', (target) => {
  const { store } = useStore(target);

  /** The first admin `a1` with token `a1`, through the bootstrap code. */
  async function bootstrap(at = T0) {
    await store().setBootstrapCode('boot', at);
    const made = await store().bootstrapAdmin('boot', admin('a1', at), token('a1', at));
    if (made === null) throw new Error('bootstrap refused');
  }

  it('keeps several tokens per admin, lists them newest first, and finds each by its hash', async () => {
    await bootstrap();
    await store().createAdmin(admin('a2', T0 + 1), token('a2', T0 + 1), 'a1');
    await store().createAdminToken('a2', token('a2-renewed', T0 + 2));
    await store().touchAdminToken('tok-a2', T0 + 5);

    const listed = await store().adminTokens();

    expect(listed.map((t) => [t.tokenId, t.adminId, t.adminName])).toEqual([
      ['tok-a2-renewed', 'a2', 'Admin a2'],
      ['tok-a2', 'a2', 'Admin a2'],
      ['tok-a1', 'a1', 'Admin a1'],
    ]);
    expect(await store().adminByToken('hash-a2')).toEqual({
      tokenId: 'tok-a2',
      adminId: 'a2',
      adminName: 'Admin a2',
      createdAt: T0 + 1,
      expiresAt: T0 + 1 + 30 * DAY,
      lastUsedAt: T0 + 5,
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain('hash-');
  });

  it('revokes a token unless it is the last valid one, and answers unknown ids', async () => {
    await bootstrap();

    const last = await store().revokeAdminToken('tok-a1', T0 + 1, 'a1');
    await store().createAdminToken('a1', token('b', T0 + 2));
    const revoked = await store().revokeAdminToken('tok-a1', T0 + 3, 'a1');
    const again = await store().revokeAdminToken('tok-a1', T0 + 4, 'a1');
    const unknown = await store().revokeAdminToken('tok-x', T0 + 5, 'a1');

    expect([last, revoked, again, unknown]).toEqual([
      'last_valid',
      'revoked',
      'revoked',
      'unknown',
    ]);
    expect((await store().adminByToken('hash-a1'))?.revokedAt).toBe(T0 + 3);
    expect(await store().hasActiveAdmin(T0 + 6)).toBe(true);
  });

  it('counts an expired token as not valid: the other valid one is then the last', async () => {
    await bootstrap();
    await store().createAdminToken('a1', token('short', T0, DAY));

    const afterExpiry = await store().revokeAdminToken('tok-a1', T0 + 2 * DAY, 'a1');
    const expiredOne = await store().revokeAdminToken('tok-short', T0 + 2 * DAY, 'a1');

    expect(afterExpiry).toBe('last_valid');
    expect(expiredOne).toBe('revoked');
  });

  it('lets only one of two revocations racing for the last two valid tokens through', async () => {
    await bootstrap();
    const outcomes = new Set<string>();
    let survivor = 'tok-a1';
    // Each round: exactly two valid tokens, revoked at once, each by the other's admin.
    for (let round = 0; round < 10; round++) {
      const at = T0 + round * 10;
      const [x, y] = [`x${round}`, `y${round}`];
      await store().createAdmin(admin(x, at), token(x, at), 'a1');
      await store().createAdmin(admin(y, at), token(y, at), 'a1');
      await store().revokeAdminToken(survivor, at + 1, 'a1');

      const raced = await Promise.all([
        store().revokeAdminToken(`tok-${x}`, at + 2, y),
        store().revokeAdminToken(`tok-${y}`, at + 2, x),
      ]);

      outcomes.add([...raced].sort().join());
      survivor = raced[0] === 'last_valid' ? `tok-${x}` : `tok-${y}`;
    }

    expect(outcomes).toEqual(new Set(['last_valid,revoked']));
    expect(await store().hasActiveAdmin(T0 + 200)).toBe(true);
  });

  it('takes a bootstrap code again once no admin is active, and it makes a new admin', async () => {
    await bootstrap();
    const later = T0 + 31 * DAY;

    await store().setBootstrapCode('boot-2', T0 + 1);
    const whileActive = await store().bootstrapAdmin('boot-2', admin('x', T0 + 1), token('x'));
    await store().setBootstrapCode('boot-3', later);
    const back = await store().bootstrapAdmin('boot-3', admin('a3', later), token('a3', later));

    expect(whileActive).toBeNull();
    expect(await store().hasActiveAdmin(T0 + 31 * DAY - 1)).toBe(true);
    expect(back).toEqual(admin('a3', later));
    expect(await store().hasActiveAdmin(later)).toBe(true);
  });

  it('writes each action’s audit entry in its transaction, numbered in commit order', async () => {
    await bootstrap();
    await store().createEnrollment({
      codeHash: 'code-hash',
      siteId: 'mpp-kota-contoh',
      label: null,
      createdBy: 'a1',
      createdAt: T0 + 1,
      expiresAt: T0 + DAY,
    });
    const duplicate = store().createAdmin(admin('a1', T0 + 2), token('dup', T0 + 2), 'a1');
    await expect(duplicate).rejects.toThrow();
    await store().revokeDevice('no-such-device', T0 + 3, 'a1');
    await store().recordAudit({
      at: T0 + 4,
      adminId: 'a1',
      action: 'devices.read',
      targetId: null,
      outcome: 'ok',
    });

    const entries = await store().auditLog(null, 10);

    expect(entries).toEqual([
      { seq: 4, at: T0 + 4, adminId: 'a1', action: 'devices.read', targetId: null, outcome: 'ok' },
      {
        seq: 3,
        at: T0 + 3,
        adminId: 'a1',
        action: 'device.revoke',
        targetId: 'no-such-device',
        outcome: 'unknown_device',
      },
      {
        seq: 2,
        at: T0 + 1,
        adminId: 'a1',
        action: 'enrollment.create',
        targetId: null,
        outcome: 'ok',
      },
      { seq: 1, at: T0, adminId: 'a1', action: 'bootstrap', targetId: 'a1', outcome: 'ok' },
    ]);
    expect(await store().adminByToken('hash-dup')).toBeNull();
  });

  it('numbers concurrent audit entries apart and pages them newest first', async () => {
    const entry = (i: number) => ({
      at: T0 + i,
      adminId: 'a1',
      action: 'audit.read' as const,
      targetId: null,
      outcome: 'ok',
    });
    await Promise.all(Array.from({ length: 12 }, (_, i) => store().recordAudit(entry(i))));

    const first = await store().auditLog(null, 5);
    const second = await store().auditLog(first.at(-1)?.seq ?? 0, 5);
    const rest = await store().auditLog(second.at(-1)?.seq ?? 0, 5);

    expect([...first, ...second, ...rest].map((e) => e.seq)).toEqual(
      Array.from({ length: 12 }, (_, i) => 12 - i),
    );
  });
});

describe.each(storeTargets().map((t) => t.kind))('migrating a V1 database (%s)', (kind) => {
  const fresh = useFreshDb(kind);
  let db: SqlDb;
  beforeEach(() => {
    db = fresh();
  });

  it('gives each admin its token, valid 30 days after the upgrade, and drops unspent codes', async () => {
    await db.transaction(async (tx) => {
      await tx.run(
        'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      );
      for (const step of MIGRATIONS[0] ?? []) if (typeof step === 'string') await tx.run(step);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (1, ?)', [T0]);
      await tx.run(
        "INSERT INTO admins (admin_id, name, token_hash, created_at) VALUES ('a1', 'Bu Sari', 'h1', ?)",
        [T0],
      );
      await tx.run("INSERT INTO bootstrap (id, code_hash, created_at) VALUES (1, 'b', ?)", [T0]);
      for (const [hash, used] of [
        ['unspent', null],
        ['spent', T0],
      ] as const) {
        await tx.run(
          `INSERT INTO enrollments (code_hash, site_id, label, created_by, created_at, expires_at, used_at)
           VALUES (?, 's', NULL, 'a1', ?, ?, ?)`,
          [hash, T0, T0 + DAY, used],
        );
      }
    });
    const upgradedAt = T0 + 100 * DAY;

    await migrate(db, upgradedAt);

    expect(await adminByToken(db, 'h1')).toEqual({
      tokenId: 'a1',
      adminId: 'a1',
      adminName: 'Bu Sari',
      createdAt: T0,
      expiresAt: upgradedAt + MIGRATED_TOKEN_TTL_MS,
      lastUsedAt: null,
      revokedAt: null,
    });
    const left = await db.transaction(async (tx) => ({
      codes: await tx.all('SELECT code_hash FROM enrollments'),
      bootstrap: await tx.all('SELECT id FROM bootstrap'),
      adminColumns: Object.keys((await tx.all('SELECT * FROM admins'))[0] ?? {}).sort(),
    }));
    expect(left).toEqual({
      codes: [{ code_hash: 'spent' }],
      bootstrap: [],
      // The token moved to admin_tokens; `staff` marks staff members' admins (migration 11).
      adminColumns: ['admin_id', 'created_at', 'name', 'staff'],
    });
  });
});
