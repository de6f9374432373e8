import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import {
  type IssuedTicket,
  IssueError,
  type IssueRequest,
} from '../../../src/machines/kiosk.types';
import { kioskBundle, kioskProfile } from '../../fixtures/kiosk';
import { recordingKioskMachine } from '../../fixtures/kiosk-ports';

const TICKET: IssuedTicket = {
  id: '0190f5e0-0000-7000-8000-000000000001',
  number: 'A-001',
  agencyId: 'disdukcapil',
  serviceId: 'disdukcapil-ktp-el-cetak-ulang',
  businessDay: '2026-11-23',
  issuedAt: 0,
  peopleAhead: 0,
  waitMinutes: 0,
  emergency: false,
  priority: null,
  purpose: 'service',
};

type Issue = (request: IssueRequest) => Promise<IssuedTicket>;

function start(options: { issue?: Issue; profile?: ReturnType<typeof kioskProfile> } = {}) {
  const clock = new SimulatedClock();
  const { machine, requests, printTicket, printMissingList } = recordingKioskMachine(
    options.issue ?? (async () => TICKET),
  );
  const actor = createActor(machine, {
    clock,
    input: { config: kioskBundle(), profile: options.profile ?? kioskProfile(), place: 'lobby' },
  });
  actor.start();
  return { actor, clock, requests, printTicket, printMissingList };
}

type Started = ReturnType<typeof start>;
const flow = (k: Started) =>
  (k.actor.getSnapshot().value as { session?: { flow: unknown } }).session?.flow ??
  k.actor.getSnapshot().value;

function openService(k: Started, agencyId: string, serviceId: string) {
  k.actor.send({ type: 'session.start' });
  k.actor.send({ type: 'agency.selected', agencyId });
  k.actor.send({ type: 'service.selected', serviceId });
  k.actor.send({ type: 'requirements.start' });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('kiosk machine: the citizen flow', () => {
  it('starts on the attract screen and enters the agency grid in the chosen language', () => {
    const k = start();
    expect(k.actor.getSnapshot().value).toBe('attract');

    k.actor.send({ type: 'session.start', lang: 'en' });

    expect(flow(k)).toBe('agencies');
    expect(k.actor.getSnapshot().context.lang).toBe('en');
  });

  it('walks agency → service → detail → checklist → priority → confirm → ticket', async () => {
    const k = start();
    openService(k, 'disdukcapil', 'disdukcapil-kk-perubahan');
    expect(flow(k)).toEqual({ requirements: 'checklist' });

    k.actor.send({ type: 'requirement.marked', key: 'bukti/buku-nikah', mark: 'present' });
    k.actor.send({ type: 'requirement.marked', key: 'formulir', mark: 'absent' });
    k.actor.send({ type: 'requirements.done' });
    expect(flow(k)).toBe('priority');
    k.actor.send({ type: 'priority.chosen', category: 'lansia' });
    expect(flow(k)).toBe('confirm');
    k.actor.send({ type: 'ticket.confirm' });
    await settle();

    expect(flow(k)).toBe('ticket');
    expect(k.actor.getSnapshot().context.ticket?.number).toBe('A-001');
    expect(k.requests).toEqual([
      {
        agencyId: 'disdukcapil',
        serviceId: 'disdukcapil-kk-perubahan',
        priority: 'lansia',
        purpose: 'service',
        missing: [],
        language: 'id',
      },
    ]);
  });

  it('asks a conditional question first and goes back through the answers', () => {
    const k = start();
    openService(k, 'disdukcapil', 'disdukcapil-ktp-el-cetak-ulang');
    expect(flow(k)).toEqual({ requirements: 'question' });

    k.actor.send({ type: 'question.answered', questionId: 'ktp-hilang', answer: true });
    expect(flow(k)).toEqual({ requirements: 'checklist' });
    k.actor.send({ type: 'nav.back' });
    expect(flow(k)).toEqual({ requirements: 'question' });
    expect(k.actor.getSnapshot().context.answers.questions).toEqual({});
    k.actor.send({ type: 'nav.back' });

    expect(flow(k)).toBe('detail');
  });

  it('does not leave the checklist until every requirement is answered', () => {
    const k = start();
    openService(k, 'disdukcapil', 'disdukcapil-kk-perubahan');

    k.actor.send({ type: 'requirement.marked', key: 'bukti/buku-nikah', mark: 'absent' });
    k.actor.send({ type: 'requirements.done' });

    expect(flow(k)).toEqual({ requirements: 'checklist' });
  });

  it('shows what is missing, prints the list and lets the citizen queue for consultation', async () => {
    const k = start();
    openService(k, 'disdukcapil', 'disdukcapil-ktp-el-cetak-ulang');
    k.actor.send({ type: 'question.answered', questionId: 'ktp-hilang', answer: true });
    k.actor.send({ type: 'requirement.marked', key: 'kk', mark: 'present' });
    k.actor.send({ type: 'requirement.marked', key: 'surat-kehilangan', mark: 'absent' });
    k.actor.send({ type: 'requirements.done' });
    expect(flow(k)).toBe('missing');

    k.actor.send({ type: 'missing.print' });
    k.actor.send({ type: 'missing.queueAnyway' });
    expect(flow(k)).toBe('priority');
    k.actor.send({ type: 'nav.back' });
    expect(flow(k)).toBe('missing');
    expect(k.actor.getSnapshot().context.consultation).toBe(false);
    k.actor.send({ type: 'missing.queueAnyway' });
    k.actor.send({ type: 'priority.chosen', category: null });
    k.actor.send({ type: 'ticket.confirm' });
    await settle();

    expect(k.printMissingList).toHaveBeenCalledTimes(1);
    expect(k.requests[0]).toMatchObject({ purpose: 'consultation', missing: ['surat-kehilangan'] });
  });

  it('names a prerequisite at another agency and can jump to it', () => {
    const k = start();
    openService(k, 'bpjs-kesehatan', 'bpjs-kesehatan-perubahan-data');
    k.actor.send({ type: 'requirement.marked', key: 'kartu-jkn', mark: 'present' });
    k.actor.send({ type: 'requirements.done' });
    expect(flow(k)).toBe('prerequisite');

    k.actor.send({ type: 'prerequisite.confirmed' });
    expect(flow(k)).toBe('priority');
    k.actor.send({ type: 'nav.back' });
    expect(flow(k)).toBe('prerequisite');
    k.actor.send({
      type: 'prerequisite.goto',
      agencyId: 'disdukcapil',
      serviceId: 'disdukcapil-kk-perubahan',
    });

    expect(flow(k)).toBe('detail');
    expect(k.actor.getSnapshot().context).toMatchObject({
      agencyId: 'disdukcapil',
      serviceId: 'disdukcapil-kk-perubahan',
    });
  });

  it('takes one visit with linked tickets: the prerequisite first, then the chosen service', async () => {
    const k = start();
    openService(k, 'bpjs-kesehatan', 'bpjs-kesehatan-perubahan-data');
    k.actor.send({ type: 'requirement.marked', key: 'kartu-jkn', mark: 'present' });
    k.actor.send({ type: 'requirements.done' });
    const before = { agencyId: 'disdukcapil', serviceId: 'disdukcapil-kk-perubahan' };
    k.actor.send({ type: 'prerequisite.journey', ...before });
    expect(flow(k)).toBe('priority');
    // Back and "done already": the journey is dropped.
    k.actor.send({ type: 'nav.back' });
    k.actor.send({ type: 'prerequisite.confirmed' });
    expect(k.actor.getSnapshot().context.before).toBeNull();
    k.actor.send({ type: 'nav.back' });
    k.actor.send({ type: 'prerequisite.journey', ...before });
    k.actor.send({ type: 'priority.chosen', category: null });
    k.actor.send({ type: 'ticket.confirm' });
    await settle();

    expect(k.requests[0]).toMatchObject({ serviceId: 'bpjs-kesehatan-perubahan-data', before });
  });

  it('jumps to the agency list when a prerequisite names no service', () => {
    const k = start();
    openService(k, 'bpjs-kesehatan', 'bpjs-kesehatan-perubahan-data');
    k.actor.send({ type: 'requirement.marked', key: 'kartu-jkn', mark: 'present' });
    k.actor.send({ type: 'requirements.done' });

    k.actor.send({ type: 'prerequisite.goto', agencyId: 'disdukcapil' });

    expect(flow(k)).toBe('services');
    expect(k.actor.getSnapshot().context).toMatchObject({
      agencyId: 'disdukcapil',
      serviceId: null,
    });
  });

  it('asks about a conditional prerequisite and names it only for that answer', () => {
    const k = start();
    openService(k, 'imigrasi', 'imigrasi-paspor-anak');
    expect(flow(k)).toEqual({ requirements: 'question' });
    k.actor.send({ type: 'question.answered', questionId: 'pindah-domisili', answer: false });
    k.actor.send({ type: 'requirement.marked', key: 'akta', mark: 'present' });
    k.actor.send({ type: 'requirements.done' });
    expect(flow(k)).toBe('priority');

    k.actor.send({ type: 'nav.home' });
    openService(k, 'imigrasi', 'imigrasi-paspor-anak');
    k.actor.send({ type: 'question.answered', questionId: 'pindah-domisili', answer: true });
    k.actor.send({ type: 'requirement.marked', key: 'akta', mark: 'present' });
    k.actor.send({ type: 'requirements.done' });
    expect(flow(k)).toBe('prerequisite');
  });

  it('refuses to start the check of a service whose quota is used up or that is closed', () => {
    const k = start();
    k.actor.send({
      type: 'availability.updated',
      availability: {
        'imigrasi-paspor-baru': { state: 'quota-exhausted' },
        'disdukcapil-kk-perubahan': { state: 'closed', reason: 'hours' },
      },
    });
    openService(k, 'imigrasi', 'imigrasi-paspor-baru');
    expect(flow(k)).toBe('detail');

    k.actor.send({ type: 'nav.home' });
    openService(k, 'disdukcapil', 'disdukcapil-kk-perubahan');
    expect(flow(k)).toBe('detail');
  });

  it('goes Beranda from deep in the flow with the choices cleared and the language kept', () => {
    const k = start();
    k.actor.send({ type: 'session.start', lang: 'en' });
    k.actor.send({ type: 'agency.selected', agencyId: 'disdukcapil' });
    k.actor.send({ type: 'service.selected', serviceId: 'disdukcapil-kk-perubahan' });

    k.actor.send({ type: 'nav.home' });

    expect(flow(k)).toBe('agencies');
    expect(k.actor.getSnapshot().context).toMatchObject({
      agencyId: null,
      serviceId: null,
      lang: 'en',
    });
  });

  it('opens a service found by search straight from the agency grid', () => {
    const k = start();
    k.actor.send({ type: 'session.start' });
    k.actor.send({ type: 'search.changed', query: 'paspor' });
    k.actor.send({ type: 'service.selected', serviceId: 'imigrasi-paspor-baru' });

    expect(flow(k)).toBe('detail');
    expect(k.actor.getSnapshot().context.agencyId).toBe('imigrasi');
  });

  it('goes back from the agency grid to the attract screen', () => {
    const k = start();
    k.actor.send({ type: 'session.start' });
    k.actor.send({ type: 'nav.back' });
    expect(k.actor.getSnapshot().value).toBe('attract');
  });
});

describe('kiosk machine: time', () => {
  it('warns after the idle delay, extends on request, then resets and clears everything', () => {
    const k = start();
    openService(k, 'disdukcapil', 'disdukcapil-kk-perubahan');
    k.actor.send({ type: 'requirement.marked', key: 'bukti/buku-nikah', mark: 'present' });
    k.actor.send({ type: 'display.toggle' });

    k.clock.increment(59_999);
    expect(k.actor.getSnapshot().matches({ session: { watchdog: 'active' } })).toBe(true);
    k.clock.increment(1);
    expect(k.actor.getSnapshot().matches({ session: { watchdog: 'warning' } })).toBe(true);
    k.actor.send({ type: 'idle.extend' });
    expect(k.actor.getSnapshot().matches({ session: { watchdog: 'active' } })).toBe(true);
    k.clock.increment(60_000);
    k.clock.increment(20_000);

    const { value, context } = k.actor.getSnapshot();
    expect(value).toBe('attract');
    expect(context).toMatchObject({
      agencyId: null,
      serviceId: null,
      largeText: false,
      priority: undefined,
    });
    expect(context.answers.marks).toEqual({});
  });

  it('keeps the citizen where they are when they touch the screen', () => {
    const k = start();
    openService(k, 'disdukcapil', 'disdukcapil-kk-perubahan');
    k.actor.send({ type: 'requirement.marked', key: 'formulir', mark: 'present' });

    k.actor.send({ type: 'activity' });

    expect(flow(k)).toEqual({ requirements: 'checklist' });
    expect(k.actor.getSnapshot().context.answers.marks).toEqual({ formulir: 'present' });
  });

  it('restarts the idle timer on every touch', () => {
    const k = start();
    k.actor.send({ type: 'session.start' });
    k.clock.increment(50_000);
    k.actor.send({ type: 'activity' });
    k.clock.increment(50_000);

    expect(k.actor.getSnapshot().matches({ session: { watchdog: 'active' } })).toBe(true);
  });

  it('prints on arrival, allows one reprint, and leaves the ticket screen after its delay', async () => {
    const k = start();
    openService(k, 'imigrasi', 'imigrasi-paspor-baru');
    k.actor.send({ type: 'requirement.marked', key: 'ktp-el', mark: 'present' });
    k.actor.send({ type: 'requirements.done' });
    k.actor.send({ type: 'priority.chosen', category: null });
    k.actor.send({ type: 'ticket.confirm' });
    await settle();

    k.actor.send({ type: 'ticket.print' });
    k.actor.send({ type: 'ticket.print' });
    expect(k.printTicket).toHaveBeenCalledTimes(2);
    k.clock.increment(30_000);
    expect(k.actor.getSnapshot().value).toBe('attract');
  });

  it('does not print automatically when the profile says so', async () => {
    const k = start({
      profile: kioskProfile({ printer: { kind: 'browser', paperWidth: 58, autoPrint: false } }),
    });
    openService(k, 'imigrasi', 'imigrasi-paspor-baru');
    k.actor.send({ type: 'requirement.marked', key: 'ktp-el', mark: 'present' });
    k.actor.send({ type: 'requirements.done' });
    k.actor.send({ type: 'priority.chosen', category: null });
    k.actor.send({ type: 'ticket.confirm' });
    await settle();

    expect(flow(k)).toBe('ticket');
    expect(k.printTicket).not.toHaveBeenCalled();
  });
});

describe('kiosk machine: failures', () => {
  const issueUntilConfirm = (k: Started) => {
    openService(k, 'imigrasi', 'imigrasi-paspor-baru');
    k.actor.send({ type: 'requirement.marked', key: 'ktp-el', mark: 'present' });
    k.actor.send({ type: 'requirements.done' });
    k.actor.send({ type: 'priority.chosen', category: null });
    k.actor.send({ type: 'ticket.confirm' });
  };

  it('goes out of service when the log refuses the write, and back when storage recovers', async () => {
    const k = start({ issue: async () => Promise.reject(new IssueError('storage')) });
    issueUntilConfirm(k);
    await settle();

    expect(k.actor.getSnapshot().value).toBe('outOfService');
    expect(k.actor.getSnapshot().context.ticket).toBeNull();
    k.actor.send({ type: 'storage.recovered' });
    expect(k.actor.getSnapshot().value).toBe('attract');
  });

  it('cannot be interrupted while the ticket is being written', async () => {
    let finish: (ticket: IssuedTicket) => void = () => {};
    const k = start({ issue: () => new Promise((resolve) => (finish = resolve)) });
    issueUntilConfirm(k);
    expect(flow(k)).toBe('issuing');

    k.actor.send({ type: 'nav.home' });
    k.actor.send({ type: 'nav.back' });
    k.clock.increment(80_000);
    expect(flow(k)).toBe('issuing');
    finish(TICKET);
    await settle();

    expect(flow(k)).toBe('ticket');
    expect(k.actor.getSnapshot().matches({ session: { watchdog: 'active' } })).toBe(true);
  });

  it('treats an unexpected error as a storage failure', async () => {
    const k = start({ issue: async () => Promise.reject(new Error('boom')) });
    issueUntilConfirm(k);
    await settle();
    expect(k.actor.getSnapshot().value).toBe('outOfService');
  });

  it('says the quota is used up when the log refuses for quota', async () => {
    const k = start({ issue: async () => Promise.reject(new IssueError('quota-exhausted')) });
    issueUntilConfirm(k);
    await settle();

    expect(flow(k)).toBe('quotaExhausted');
    k.actor.send({ type: 'nav.back' });
    expect(flow(k)).toBe('services');
  });

  it('keeps a config that arrives mid-session until the session ends', () => {
    const k = start();
    k.actor.send({ type: 'session.start' });
    const next = { ...kioskBundle(), version: 'test-2' };

    k.actor.send({ type: 'config.updated', config: next, profile: kioskProfile() });
    expect(k.actor.getSnapshot().context.config.version).toBe('test-1');
    k.actor.send({ type: 'nav.back' });

    expect(k.actor.getSnapshot().context.config.version).toBe('test-2');
  });
});

describe('kiosk machine: personal data a service asks for', () => {
  const asking = () => {
    const bundle = kioskBundle();
    const agencies = bundle.agencies.map((a) => ({
      ...a,
      services: a.services.map((s) =>
        s.id === 'disdukcapil-kk-perubahan'
          ? {
              ...s,
              personalData: {
                purpose: { id: 'Pemberitahuan KK selesai', en: 'Telling you the KK is ready' },
                fields: [
                  { id: 'hp', kind: 'phone' as const, label: { id: 'Nomor HP', en: 'Mobile' } },
                ],
              },
            }
          : s,
      ),
    }));
    return { ...bundle, agencies };
  };
  const run = () => {
    const recorded = recordingKioskMachine(async () => TICKET);
    const actor = createActor(recorded.machine, {
      input: { config: asking(), profile: kioskProfile(), place: 'lobby' },
    });
    actor.start();
    actor.send({ type: 'session.start' });
    actor.send({ type: 'agency.selected', agencyId: 'disdukcapil' });
    actor.send({ type: 'service.selected', serviceId: 'disdukcapil-kk-perubahan' });
    actor.send({ type: 'requirements.start' });
    actor.send({ type: 'requirement.marked', key: 'bukti/buku-nikah', mark: 'present' });
    actor.send({ type: 'requirement.marked', key: 'formulir', mark: 'present' });
    actor.send({ type: 'requirements.done' });
    actor.send({ type: 'priority.chosen', category: null });
    const flowOf = () =>
      (actor.getSnapshot().value as { session?: { flow: unknown } }).session?.flow;
    return { actor, flowOf, ...recorded };
  };
  const fields = [{ id: 'hp', kind: 'phone' as const, value: '081234567890' }];
  const given = { serviceId: 'disdukcapil-kk-perubahan', fields };

  it('asks after the priority, keeps the values in the outbox only, and the ticket names their reference', async () => {
    const k = run();
    expect(k.flowOf()).toBe('personal');

    k.actor.send({
      type: 'personal.done',
      fields,
      shown: [{ label: { id: 'Nomor HP' }, masked: '0812••••7890' }],
    });
    expect(k.flowOf()).toBe('confirm');
    k.actor.send({ type: 'nav.back' });
    expect(k.flowOf()).toBe('personal');
    k.actor.send({
      type: 'personal.done',
      fields,
      shown: [{ label: { id: 'Nomor HP' }, masked: '0812••••7890' }],
    });
    k.actor.send({ type: 'ticket.confirm' });
    await settle();

    expect(k.kept).toEqual([given, given]);
    expect(k.requests[0]?.personalRef).toBe('0190f5e0-0000-7000-8000-000000000002');
    expect(JSON.stringify(k.actor.getSnapshot().context)).not.toContain('081234567890');
    k.actor.send({ type: 'ticket.done' });
    expect(k.actor.getSnapshot().context.personal).toBeNull();
  });

  it('goes on without any when the citizen skips', async () => {
    const k = run();
    k.actor.send({ type: 'personal.done', fields: null, shown: [] });
    k.actor.send({ type: 'ticket.confirm' });
    await settle();

    expect(k.kept).toEqual([]);
    expect(k.requests[0]?.personalRef).toBeUndefined();
  });
});
