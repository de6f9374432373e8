/**
 * Bent events the server must accept (a device may have printed them), then quarantine —
 * names the config never had: a NIK, a phone number, another agency's service, a queue
 * that is not the service's, an unknown document — or flag: a number outside its leases
 * up to the very bound, another namespace, a number printed already, a far-future clock;
 * or the id of a ticket a loket acted on before its issue was stored.
 * ./judge.ts predicts which, from the model. MUTATIONS is every bend, refused ones too.
 */
import { encodeHlc, HLC_MAX_MS } from '../../src/domain/hlc';
import { MAX_TICKET_SEQ } from '../../src/domain/numbering';
import {
  event,
  hostileText,
  type Mutation,
  otherHostile,
  renumber,
  serviceOf,
  setData,
  useService,
} from './bend';
import type { KnownService } from './config';
import { pick } from './model';
import { REFUSED } from './mutations-refused';

const ACCEPTED: readonly Mutation[] = [
  { name: 'clean', expect: 'accepted', apply: () => {} },
  {
    name: 'unknown service',
    expect: 'accepted',
    apply: (b) => setData(b, { serviceId: hostileText(b.value) }),
  },
  {
    name: 'unknown agency',
    expect: 'accepted',
    apply: (b) => setData(b, { agencyId: hostileText(b.value) }),
  },
  {
    name: 'service of another agency',
    expect: 'accepted',
    apply: (b) => {
      const other = b.model.site.services.find(
        (s) => s.agencyId !== event(b).data.agencyId,
      ) as KnownService;
      setData(b, { agencyId: other.agencyId });
    },
  },
  {
    name: 'queue that is not the service’s',
    expect: 'accepted',
    apply: (b) => {
      const others = b.model.site.prefixes.filter((p) => p !== event(b).data.prefix);
      renumber(b, pick(others, b.value) as string, event(b).data.seq, event(b).data.emergencyTag);
    },
  },
  {
    name: 'unknown missing document',
    expect: 'accepted',
    apply: (b) => setData(b, { missing: [hostileText(b.value)] }),
  },
  {
    name: 'number outside its leases',
    expect: 'accepted',
    apply: (b) => {
      const other = otherHostile(b);
      const blocks = other ? [...other.blocks.entries()] : [];
      const chosen = pick(blocks, b.value);
      const block = chosen ? pick(chosen[1], b.value) : undefined;
      if (chosen === undefined || block === undefined || b.value % 2 === 0) {
        // Far above any block, up to the very bound: no honest device ever reaches them.
        const far = [MAX_TICKET_SEQ, MAX_TICKET_SEQ - (b.value % 10), 900_000 + (b.value % 99_999)];
        renumber(b, event(b).data.prefix, far[b.value % 3] as number);
        return;
      }
      const [day, prefix] = chosen[0].split('|') as [string, string];
      Object.assign(event(b), { businessDay: day });
      useService(b, serviceOf(b, prefix));
      renumber(b, prefix, block.start + (b.value % (block.end - block.start + 1)));
    },
  },
  {
    name: 'another namespace',
    expect: 'accepted',
    apply: (b) => {
      const tag = b.value % 3 === 0 ? 'ZZ' : (otherHostile(b)?.tag ?? 'QXZ');
      renumber(b, event(b).data.prefix, 1 + (b.value % 500), tag);
    },
  },
  {
    name: 'number printed already',
    expect: 'accepted',
    apply: (b) => {
      const printed = b.model.tickets.filter((t) => !t.quarantined);
      const ticket = pick(printed, b.value);
      if (ticket === undefined) return;
      const [prefix, rest] = ticket.number.split('-') as [string, string];
      const tag = /^[A-Z]+/.exec(rest)?.[0];
      Object.assign(event(b), { businessDay: ticket.day });
      useService(b, serviceOf(b, prefix));
      renumber(b, prefix, Number(rest.slice(tag?.length ?? 0)), tag);
    },
  },
  {
    name: 'clock far ahead',
    expect: 'accepted',
    apply: (b) => {
      const ahead = [10 * 60_000, 86_400_000, 365 * 86_400_000, HLC_MAX_MS][b.value % 4] as number;
      Object.assign(event(b), {
        hlc: encodeHlc({ ms: Math.min(HLC_MAX_MS, Date.now() + ahead), counter: b.value % 65_536 }),
      });
    },
  },
  {
    // A loket's actions may come before the ticket's issue: they apply once it is stored.
    name: 'the id of a ticket a loket acted on',
    expect: 'accepted',
    apply: (b) => {
      const [id, day] = [...b.model.orphans][b.value % b.model.orphans.size] as [string, string];
      Object.assign(event(b), { id, businessDay: day });
    },
    can: (model) => model.orphans.size > 0,
  },
  {
    name: 'far business day',
    expect: 'accepted',
    apply: (b) =>
      Object.assign(event(b), {
        businessDay: ['2020-01-01', '2999-12-31', '2026-02-28'][b.value % 3],
      }),
  },
];

/** Every bend of a hostile push: refused, then accepted ones. */
export const MUTATIONS: readonly Mutation[] = [...REFUSED, ...ACCEPTED];
