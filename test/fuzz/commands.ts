/**
 * The fuzz's commands and their weights: honest kiosks and lokets, hostile devices (bent
 * pushes of tickets and of counter events, replays, extreme leases, malformed requests and
 * bad tokens), anonymous callers, admins and their staff (with hostile staff requests),
 * and server restarts — valid, extreme and invalid interleaved.
 */
import fc from 'fast-check';
import { anyIndex, command } from './command';
import { backlog, burst } from './concurrent';
import { PROFILES } from './config';
import { counterAct } from './counter';
import { COUNTER_BENDS } from './counter-bends';
import { canCounterPush, hostileCounterPush } from './counter-hostile';
import { issueHonest, leaseHonest, pullHonest } from './honest';
import { canPush, hostilePush, hostileReplay } from './hostile';
import { hostileLease } from './hostile-lease';
import {
  type Device,
  honestCounters,
  honestDevices,
  hostileDevices,
  type Model,
  pick,
} from './model';
import { MUTATIONS } from './mutations';
import {
  enrollDevice,
  knownTicketPage,
  randomTicketPage,
  readDevices,
  readFlagged,
  revokeHostile,
  revokeUnknown,
  wrongCodes,
} from './people';
import { canRaw, RAWS, rawRequest } from './raw';
import { restart } from './restart';
import { createStaff, lockStaff, newCode, readAdminStaff, readStaff, setPin } from './staff';
import { canStaffRaw, STAFF_RAWS, staffRaw } from './staff-hostile';

const MAX_HONEST = 8;
const MAX_HOSTILE = 10;
const MAX_COUNTERS = 3;
const MAX_STAFF = 12;
/** Profiles of hostile devices: mostly kiosks, some lokets and boards. */
const HOSTILE_PROFILES = [
  PROFILES.kiosk,
  PROFILES.kiosk,
  PROFILES.counter,
  PROFILES.imigrasiCounter,
  PROFILES.display,
] as const;

const honest = (m: Model, index: number) => pick(honestDevices(m), index) as Device;
const someHostile = (m: Model) => hostileDevices(m).length > 0;
const value = fc.nat({ max: 100_000 });
const line = fc.record({
  prefix: fc.nat({ max: 20 }),
  ahead: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 13 })),
  count: fc.integer({ min: 1, max: 200 }),
});

/** Every command kind; `restartWeight` per 1,000 of the others' weight. */
export function commandArbs(restartWeight: number) {
  return fc.oneof(
    command(
      'honest.lease',
      80,
      fc.record({
        device: anyIndex,
        lines: fc.array(line, { minLength: 1, maxLength: 3 }),
        quota: fc.nat({ max: 3 }),
      }),
      (m, s, p) =>
        leaseHonest(
          m,
          s,
          honest(m, p.device),
          p.lines.map((l) => ({ ...l, count: Math.min(l.count, 100) })),
          p.quota,
        ),
    ),
    command(
      'honest.issue',
      200,
      fc.record({
        device: anyIndex,
        tickets: fc.array(
          fc.record({
            service: fc.nat({ max: 20 }),
            dayPick: fc.nat({ max: 20 }),
            answers: fc.nat({ max: 1023 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
      }),
      (m, s, p) => issueHonest(m, s, honest(m, p.device), p.tickets),
    ),
    command(
      'honest.pull',
      80,
      fc.record({
        device: anyIndex,
        limit: fc.constantFrom(1, 50, 500),
        pages: fc.integer({ min: 1, max: 8 }),
      }),
      (m, s, p) => pullHonest(m, s, honest(m, p.device), p.limit, p.pages),
    ),
    command(
      'honest.burst',
      20,
      fc.record({
        devices: fc.nat({ max: 10 }),
        prefix: fc.nat({ max: 20 }),
        tickets: fc.nat({ max: 20 }),
      }),
      burst,
    ),
    command(
      'honest.backlog',
      4,
      fc.record({
        device: anyIndex,
        count: fc.integer({ min: 50, max: 500 }),
        service: fc.nat({ max: 20 }),
      }),
      backlog,
    ),
    command(
      'hostile.push',
      220,
      fc.record({
        device: anyIndex,
        mutation: fc.nat({ max: MUTATIONS.length - 1 }),
        size: fc.integer({ min: 1, max: 4 }),
        at: fc.nat({ max: 3 }),
        value,
        service: fc.nat({ max: 20 }),
        dayPick: fc.nat({ max: 20 }),
      }),
      hostilePush,
      canPush,
    ),
    command('hostile.replay', 20, anyIndex, hostileReplay, someHostile),
    command(
      'hostile.lease',
      60,
      fc.record({
        device: anyIndex,
        kind: fc.nat({ max: 20 }),
        lines: fc.oneof(
          { weight: 4, arbitrary: fc.array(line, { minLength: 1, maxLength: 4 }) },
          { weight: 1, arbitrary: fc.array(line, { minLength: 20, maxLength: 256 }) },
        ),
        value,
      }),
      hostileLease,
      someHostile,
    ),
    command(
      'raw',
      80,
      fc.record({ kind: fc.nat({ max: RAWS.length - 1 }), device: anyIndex, value }),
      rawRequest,
      (m, p) => canRaw(m, p.kind),
    ),
    command('anon.wrongCode', 20, fc.record({ bootstrap: fc.boolean(), value }), wrongCodes),
    command('anon.randomPage', 20, value, randomTicketPage),
    command('anon.knownPage', 50, value, knownTicketPage),
    command(
      'admin.enrollHonest',
      8,
      fc.constant(true),
      (m, s) => enrollDevice(m, s, true).then(() => {}),
      (m) => honestDevices(m).length < MAX_HONEST,
    ),
    command(
      'admin.enrollHostile',
      8,
      fc.nat({ max: HOSTILE_PROFILES.length - 1 }),
      (m, s, p) => enrollDevice(m, s, false, HOSTILE_PROFILES[p]).then(() => {}),
      (m) => hostileDevices(m, true).length < MAX_HOSTILE,
    ),
    command(
      'admin.enrollCounter',
      4,
      fc.boolean(),
      (m, s, imigrasi) =>
        enrollDevice(m, s, true, imigrasi ? PROFILES.imigrasiCounter : PROFILES.counter).then(
          () => {},
        ),
      (m) => honestCounters(m).length < MAX_COUNTERS,
    ),
    command(
      'counter.act',
      150,
      fc.record({ device: anyIndex, choice: fc.nat({ max: 60 }), value }),
      counterAct,
      (m) => honestCounters(m).length > 0,
    ),
    command(
      'counter.hostile',
      140,
      fc.record({
        device: anyIndex,
        bend: fc.nat({ max: COUNTER_BENDS.length - 1 }),
        size: fc.integer({ min: 1, max: 3 }),
        at: fc.nat({ max: 3 }),
        type: fc.nat({ max: 8 }),
        value,
      }),
      hostileCounterPush,
      canCounterPush,
    ),
    command(
      'staff.create',
      6,
      fc.record({ name: fc.nat({ max: 100 }), supervisor: fc.boolean(), agencies: value }),
      createStaff,
      (m) => m.staff.length < MAX_STAFF,
    ),
    command(
      'staff.pin',
      2,
      fc.record({ device: anyIndex, person: anyIndex, pin: fc.nat({ max: 100 }) }),
      (m, s, p) => setPin(m, s, p).then(() => {}),
      (m) => honestCounters(m).length > 0 && m.staff.some((p) => p.code !== null),
    ),
    command('staff.code', 3, anyIndex, newCode, (m) => m.staff.length > 0),
    command(
      'staff.lock',
      5,
      fc.record({ person: anyIndex, locked: fc.boolean() }),
      lockStaff,
      (m) => m.staff.length > 0,
    ),
    command('staff.list', 12, anyIndex, readStaff),
    command('admin.staff', 4, fc.constant(null), readAdminStaff),
    command(
      'staff.hostile',
      50,
      fc.record({ kind: fc.nat({ max: STAFF_RAWS.length - 1 }), value }),
      staffRaw,
      (m, p) => canStaffRaw(m, p.kind),
    ),
    command('admin.revoke', 8, anyIndex, revokeHostile, (m) => hostileDevices(m).length > 1),
    command('admin.revokeUnknown', 5, value, revokeUnknown),
    command('admin.devices', 10, fc.constant(null), readDevices),
    command('admin.flagged', 10, fc.constantFrom(25, 100, 500), readFlagged),
    command(
      'restart',
      restartWeight,
      fc.record({
        kind: fc.constantFrom('clean' as const, 'kill' as const, 'killMidPush' as const),
        devices: fc.nat({ max: 10 }),
        delayMs: fc.integer({ min: 0, max: 15 }),
      }),
      restart,
    ),
  );
}
