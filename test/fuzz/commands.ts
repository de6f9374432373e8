/**
 * The fuzz's commands and their weights: honest devices, hostile devices (bent pushes,
 * replays, extreme leases, malformed requests and bad tokens), anonymous callers, admins,
 * and server restarts — valid, extreme and invalid interleaved.
 */
import fc from 'fast-check';
import { anyIndex, command } from './command';
import { backlog, burst } from './concurrent';
import { issueHonest, leaseHonest, pullHonest } from './honest';
import { canPush, hostilePush, hostileReplay } from './hostile';
import { hostileLease } from './hostile-lease';
import { type Device, honestDevices, hostileDevices, type Model, pick } from './model';
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

const MAX_HONEST = 8;
const MAX_HOSTILE = 10;

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
      fc.constant(false),
      (m, s) => enrollDevice(m, s, false).then(() => {}),
      (m) => hostileDevices(m, true).length < MAX_HOSTILE,
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
