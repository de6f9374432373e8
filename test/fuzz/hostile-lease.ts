/**
 * Extreme lease requests from hostile devices: many lines, the biggest counts, greedy
 * quotas — granted only within bounds (./judge.ts says exactly what) — and far or
 * malformed days, unknown queues, quota lines for services without one, too many lines,
 * unknown fields: refused with 400, granting nothing (the step checks see no new block).
 */
import type { LeaseResponse } from '../../src/domain/protocol';
import { hostileText } from './bend';
import { dayAhead } from './config';
import { checkEpoch } from './honest';
import { fault, type LeaseLines, leaseGranted } from './judge';
import { type Device, hostileDevices, type Model, pick } from './model';
import type { FuzzServer } from './server';

/** Which hostile device, which extreme request, the generated lines and a value to choose with. */
export type HostileLeaseSpec = {
  device: number;
  kind: number;
  lines: { prefix: number; ahead: number; count: number }[];
  value: number;
};

type Line = { prefix: string; count: number; businessDay?: string };
/** Extreme lease requests: each bends the generated lines, and says whether it is refused. */
const LEASES: {
  name: string;
  refused: boolean;
  bend: (lines: Line[], v: number, m: Model) => unknown;
}[] = [
  { name: 'lines as asked', refused: false, bend: (lines) => ({ numbers: lines }) },
  {
    name: 'greedy counts',
    refused: false,
    bend: (lines) => ({ numbers: lines.map((l) => ({ ...l, count: 200 })) }),
  },
  {
    name: 'greedy quota',
    refused: false,
    bend: (_l, v, m) => ({ quotas: [{ serviceId: quotaService(m), count: 1 + (v % 200) }] }),
  },
  {
    name: 'bad count',
    refused: true,
    bend: (lines, v) => ({
      numbers: [...lines, { prefix: 'A', count: [0, 201, 1e9, 1.5, -3][v % 5] }],
    }),
  },
  {
    name: 'far day',
    refused: true,
    bend: (lines, v, m) => ({
      numbers: [
        ...lines,
        {
          prefix: 'A',
          count: 5,
          businessDay: [
            dayAhead(m.site, -2),
            dayAhead(m.site, 16),
            dayAhead(m.site, 400),
            '1999-01-01',
            '2025-13-01',
          ][v % 5],
        },
      ],
    }),
  },
  {
    name: 'unknown queue',
    refused: true,
    bend: (lines, v) => ({
      numbers: [...lines, { prefix: ['ZZ', 'Q', 'a', 'AAAA', ''][v % 5], count: 5 }],
    }),
  },
  {
    name: 'quota of no quota',
    refused: true,
    bend: (_l, v) => ({
      quotas: [{ serviceId: ['disdukcapil-kk-perubahan', hostileText(0), 'x'][v % 3], count: 1 }],
    }),
  },
  {
    name: 'too many lines',
    refused: true,
    bend: () => ({ numbers: Array.from({ length: 257 }, () => ({ prefix: 'A', count: 1 })) }),
  },
  {
    name: 'unknown field',
    refused: true,
    bend: (lines) => ({ numbers: lines, nik: hostileText(0) }),
  },
];

const quotaService = (m: Model) =>
  m.site.services.find((s) => s.quota !== undefined)?.serviceId ?? '';

/** Sends an extreme lease request; checks its refusal or its grants. */
export async function hostileLease(model: Model, server: FuzzServer, spec: HostileLeaseSpec) {
  const device = pick(hostileDevices(model), spec.device) as Device;
  const kind = LEASES[spec.kind % LEASES.length] as (typeof LEASES)[number];
  const lines: Line[] = spec.lines.map((l) => ({
    prefix: model.site.prefixes[l.prefix % model.site.prefixes.length] as string,
    count: l.count,
    ...(l.ahead === 0 ? {} : { businessDay: dayAhead(model.site, l.ahead) }),
  }));
  const body = kind.bend(lines, spec.value, model) as {
    numbers?: Line[];
    quotas?: { serviceId: string; count: number }[];
  };
  const answer = await server.client.send({
    kind: kind.refused ? 'lease.hostile.refused' : 'lease.hostile',
    method: 'POST',
    path: '/sync/leases',
    token: device.token,
    body,
  });
  if (kind.refused) {
    if (answer.status !== 400)
      throw fault(`lease '${kind.name}' answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    return;
  }
  if (answer.status !== 200)
    throw fault(`lease '${kind.name}' answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  const granted = answer.json as LeaseResponse;
  checkEpoch(model, granted.epoch);
  const resolved: LeaseLines = {
    numbers: (body.numbers ?? []).map((n) => ({
      day: n.businessDay ?? granted.businessDay,
      prefix: n.prefix,
      count: n.count,
    })),
    quotas: (body.quotas ?? []).map((q) => ({
      day: granted.businessDay,
      serviceId: q.serviceId,
      count: q.count,
    })),
  };
  leaseGranted(model, device, resolved, granted);
}
