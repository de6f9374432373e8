/**
 * The citizen's flow at a lobby kiosk: attract → agency → service → standar pelayanan →
 * requirements check → (missing list | prerequisite note) → priority → confirm → ticket.
 * Must: no I/O here — issuing and printing are named actors/actions provided by the
 * composition root; every screen has Back and Beranda; inactivity warns, then clears
 * everything the citizen entered; a config that arrives mid-session waits for the reset.
 */
import { assign, enqueueActions, fromPromise, not, setup } from 'xstate';
import type { PriorityCategory } from '../domain/events';
import { EMPTY_ANSWERS } from '../domain/requirements';
import {
  availabilityOf,
  currentService,
  findService,
  nextQuestion,
  requirementCheck,
} from './kiosk.selectors';
import {
  type IssuedTicket,
  IssueError,
  type IssueRequest,
  type KioskContext,
  type KioskEvent,
  type KioskInput,
} from './kiosk.types';

const notProvided = (name: string) => () => {
  throw new Error(`${name} must be provided by the composition root`);
};

/** Everything a citizen entered, cleared on reset. */
const citizenChoices = {
  query: '',
  agencyId: null,
  serviceId: null,
  answers: EMPTY_ANSWERS,
  consultation: false,
  priority: undefined as PriorityCategory | null | undefined,
  ticket: null,
  failure: null,
  printCount: 0,
} satisfies Partial<KioskContext>;

/** What a new service choice starts from: no answers, no consultation, no priority. */
const freshCheck = {
  answers: EMPTY_ANSWERS,
  consultation: false,
  priority: undefined as PriorityCategory | null | undefined,
} satisfies Partial<KioskContext>;

/** The request for the ticket the citizen confirmed. */
export function issueRequestOf(ctx: KioskContext): IssueRequest {
  const check = requirementCheck(ctx);
  return {
    agencyId: ctx.agencyId ?? '',
    serviceId: ctx.serviceId ?? '',
    priority: ctx.priority ?? null,
    purpose: ctx.consultation ? 'consultation' : 'service',
    missing: (check?.missingMandatory ?? []).map((r) => r.id),
    language: ctx.lang,
  };
}

export const kioskMachine = setup({
  types: {
    context: {} as KioskContext,
    events: {} as KioskEvent,
    input: {} as KioskInput,
  },
  actors: {
    issueTicket: fromPromise<IssuedTicket, IssueRequest>(notProvided('issueTicket')),
  },
  actions: {
    printTicket: notProvided('printTicket'),
    printMissingList: notProvided('printMissingList'),
    resetSession: assign(({ context }) => ({
      ...citizenChoices,
      config: context.pendingConfig ?? context.config,
      pendingConfig: null,
      lang: context.profile.language,
      largeText: false,
    })),
    clearChoices: assign(() => ({ ...citizenChoices })),
    countPrint: assign({ printCount: ({ context }) => context.printCount + 1 }),
    selectService: assign(({ context, event }) => {
      if (event.type !== 'service.selected') return {};
      const found = findService(context.config, event.serviceId);
      return { ...freshCheck, serviceId: event.serviceId, agencyId: found?.agency.id ?? null };
    }),
    gotoPrerequisite: assign(({ event }) =>
      event.type === 'prerequisite.goto'
        ? { ...freshCheck, agencyId: event.agencyId, serviceId: event.serviceId ?? null }
        : {},
    ),
    answerQuestion: assign({
      answers: ({ context, event }) =>
        event.type === 'question.answered'
          ? {
              ...context.answers,
              questions: { ...context.answers.questions, [event.questionId]: event.answer },
            }
          : context.answers,
    }),
    unanswerLastQuestion: assign({
      answers: ({ context }) => {
        const asked = (currentService(context)?.questions ?? [])
          .map((q) => q.id)
          .filter((id) => id in context.answers.questions);
        const last = asked.at(-1);
        if (last === undefined) return context.answers;
        const { [last]: _dropped, ...questions } = context.answers.questions;
        return { ...context.answers, questions };
      },
    }),
    markRequirement: assign({
      answers: ({ context, event }) =>
        event.type === 'requirement.marked'
          ? { ...context.answers, marks: { ...context.answers.marks, [event.key]: event.mark } }
          : context.answers,
    }),
    leaveConsultation: assign({ consultation: false }),
  },
  guards: {
    serviceOpen: ({ context }) =>
      context.serviceId !== null && availabilityOf(context, context.serviceId).state === 'open',
    hasPendingQuestion: ({ context }) => nextQuestion(context) !== null,
    requirementsComplete: ({ context }) => requirementCheck(context)?.complete === true,
    mandatoryMissing: ({ context }) =>
      (requirementCheck(context)?.missingMandatory.length ?? 0) > 0,
    hasPrerequisites: ({ context }) => (currentService(context)?.prerequisites?.length ?? 0) > 0,
    isConsultation: ({ context }) => context.consultation,
    hasAnsweredQuestion: ({ context }) => Object.keys(context.answers.questions).length > 0,
    autoPrint: ({ context }) =>
      context.profile.printer.autoPrint && context.profile.printer.kind !== 'none',
    canPrint: ({ context }) => context.profile.printer.kind !== 'none' && context.printCount < 2,
    quotaFailure: ({ event }) => {
      const error = (event as unknown as { error?: unknown }).error;
      return error instanceof IssueError && error.failure === 'quota-exhausted';
    },
    serviceExists: ({ context, event }) =>
      event.type === 'service.selected' && findService(context.config, event.serviceId) !== null,
  },
  delays: {
    idleWarning: ({ context }) => context.profile.idle.warningAfterSeconds * 1000,
    idleReset: ({ context }) => context.profile.idle.resetAfterSeconds * 1000,
    ticketScreen: ({ context }) => context.profile.idle.ticketScreenSeconds * 1000,
  },
}).createMachine({
  id: 'kiosk',
  context: ({ input }) => ({
    ...citizenChoices,
    config: input.config,
    profile: input.profile,
    place: input.place,
    pendingConfig: null,
    lang: input.profile.language,
    largeText: false,
    availability: {},
  }),
  initial: 'attract',
  on: {
    'language.set': { actions: assign({ lang: ({ event }) => event.lang }) },
    'display.toggle': { actions: assign({ largeText: ({ context }) => !context.largeText }) },
    'availability.updated': {
      actions: assign({ availability: ({ event }) => event.availability }),
    },
    'storage.failed': { target: '.outOfService' },
  },
  states: {
    attract: {
      entry: 'resetSession',
      on: {
        'session.start': {
          target: 'session',
          actions: assign({ lang: ({ context, event }) => event.lang ?? context.lang }),
        },
        'config.updated': {
          actions: assign({
            config: ({ event }) => event.config,
            profile: ({ event }) => event.profile,
            lang: ({ event }) => event.profile.language,
          }),
        },
      },
    },
    session: {
      type: 'parallel',
      on: {
        'nav.home': { target: 'session', reenter: true, actions: 'clearChoices' },
        'config.updated': { actions: assign({ pendingConfig: ({ event }) => event.config }) },
      },
      states: {
        flow: {
          initial: 'agencies',
          states: {
            agencies: {
              on: {
                'nav.back': '#kiosk.attract',
                'search.changed': { actions: assign({ query: ({ event }) => event.query }) },
                'agency.selected': {
                  target: 'services',
                  actions: assign({ agencyId: ({ event }) => event.agencyId }),
                },
                'service.selected': {
                  guard: 'serviceExists',
                  target: 'detail',
                  actions: 'selectService',
                },
              },
            },
            services: {
              on: {
                'nav.back': 'agencies',
                'service.selected': {
                  guard: 'serviceExists',
                  target: 'detail',
                  actions: 'selectService',
                },
              },
            },
            detail: {
              on: {
                'nav.back': 'services',
                'requirements.start': { guard: 'serviceOpen', target: 'requirements' },
              },
            },
            requirements: {
              initial: 'route',
              states: {
                route: {
                  always: [
                    { guard: 'hasPendingQuestion', target: 'question' },
                    { target: 'checklist' },
                  ],
                },
                question: {
                  on: {
                    'question.answered': { target: 'route', actions: 'answerQuestion' },
                    'nav.back': [
                      {
                        guard: 'hasAnsweredQuestion',
                        target: 'route',
                        actions: 'unanswerLastQuestion',
                      },
                      { target: '#kiosk.session.flow.detail' },
                    ],
                  },
                },
                checklist: {
                  on: {
                    'requirement.marked': { actions: 'markRequirement' },
                    'requirements.done': [
                      { guard: not('requirementsComplete') },
                      { guard: 'mandatoryMissing', target: '#kiosk.session.flow.missing' },
                      { target: '#kiosk.session.flow.afterRequirements' },
                    ],
                    'nav.back': [
                      {
                        guard: 'hasAnsweredQuestion',
                        target: 'route',
                        actions: 'unanswerLastQuestion',
                      },
                      { target: '#kiosk.session.flow.detail' },
                    ],
                  },
                },
              },
            },
            missing: {
              on: {
                'missing.print': { actions: 'printMissingList' },
                'missing.queueAnyway': {
                  target: 'afterRequirements',
                  actions: assign({ consultation: true }),
                },
                'nav.back': 'requirements.checklist',
              },
            },
            afterRequirements: {
              always: [
                { guard: 'hasPrerequisites', target: 'prerequisite' },
                { target: 'priority' },
              ],
            },
            prerequisite: {
              on: {
                'prerequisite.confirmed': 'priority',
                'prerequisite.goto': { target: 'services', actions: 'gotoPrerequisite' },
                'nav.back': [
                  { guard: 'isConsultation', target: 'missing', actions: 'leaveConsultation' },
                  { target: 'requirements.checklist' },
                ],
              },
            },
            priority: {
              on: {
                'priority.chosen': {
                  target: 'confirm',
                  actions: assign({ priority: ({ event }) => event.category }),
                },
                'nav.back': [
                  { guard: 'hasPrerequisites', target: 'prerequisite' },
                  { guard: 'isConsultation', target: 'missing', actions: 'leaveConsultation' },
                  { target: 'requirements.checklist' },
                ],
              },
            },
            confirm: {
              on: { 'ticket.confirm': 'issuing', 'nav.back': 'priority' },
            },
            issuing: {
              invoke: {
                src: 'issueTicket',
                input: ({ context }) => issueRequestOf(context),
                onDone: {
                  target: 'ticket',
                  actions: assign({ ticket: ({ event }) => event.output }),
                },
                onError: [
                  { guard: 'quotaFailure', target: 'quotaExhausted' },
                  { target: '#kiosk.outOfService' },
                ],
              },
            },
            ticket: {
              entry: enqueueActions(({ check, enqueue }) => {
                if (check('autoPrint')) {
                  enqueue('printTicket');
                  enqueue('countPrint');
                }
              }),
              after: { ticketScreen: '#kiosk.attract' },
              on: {
                'ticket.print': { guard: 'canPrint', actions: ['printTicket', 'countPrint'] },
                'ticket.done': '#kiosk.attract',
              },
            },
            quotaExhausted: {
              on: { 'nav.back': 'services' },
            },
          },
        },
        watchdog: {
          initial: 'active',
          on: { activity: { target: '.active', reenter: true } },
          states: {
            active: { after: { idleWarning: 'warning' } },
            warning: {
              on: { 'idle.extend': 'active' },
              after: { idleReset: '#kiosk.attract' },
            },
          },
        },
      },
    },
    outOfService: {
      on: { 'storage.recovered': 'attract' },
    },
  },
});

export type KioskMachine = typeof kioskMachine;
