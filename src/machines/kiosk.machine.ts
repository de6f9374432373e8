/**
 * The citizen's flow at a lobby kiosk: attract → agency → service → standar pelayanan →
 * requirements check → (missing list | prerequisite note) → priority → confirm → ticket.
 * Must: no I/O here — issuing and printing are named actors/actions provided by the
 * composition root; every screen has Back and Beranda; inactivity warns, then clears
 * everything the citizen entered; a config that arrives mid-session waits for the reset.
 */
import { assign, not, raise } from 'xstate';
import { initialContext, issueRequestOf } from './kiosk.context';
import { type KioskPorts, kioskSetup } from './kiosk.setup';

/** The lobby kiosk's citizen flow, built with its ports when the kiosk starts. */
export const createKioskMachine = (ports: KioskPorts) =>
  kioskSetup(ports).createMachine({
    id: 'kiosk',
    context: ({ input }) => initialContext(input),
    initial: 'attract',
    on: {
      'language.set': { actions: assign({ lang: ({ event }) => event.lang }) },
      'display.toggle': { actions: assign({ largeText: ({ context }) => !context.largeText }) },
      'availability.updated': {
        actions: assign(({ context, event }) => ({
          availability: event.availability,
          popular: event.popular ?? context.popular,
        })),
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
          // A booking checked in from the attract screen (src/app/kiosk/check-in.ts).
          'booking.ticket': {
            target: 'session.flow.ticket',
            actions: assign({ ticket: ({ event }) => event.ticket }),
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
                  // Back from an open group goes to the groups, not to the attract screen.
                  'nav.back': [
                    { guard: 'inGroup', actions: assign({ groupId: null }) },
                    { target: '#kiosk.attract' },
                  ],
                  'search.changed': { actions: assign({ query: ({ event }) => event.query }) },
                  'group.selected': { actions: assign({ groupId: ({ event }) => event.groupId }) },
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
                  'requirements.print': { guard: 'canPrintList', actions: 'printMissingList' },
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
                  'prerequisite.confirmed': {
                    target: 'priority',
                    actions: assign({ before: null }),
                  },
                  'prerequisite.journey': {
                    target: 'priority',
                    actions: assign({
                      before: ({ event }) => ({
                        agencyId: event.agencyId,
                        serviceId: event.serviceId,
                      }),
                    }),
                  },
                  'prerequisite.goto': [
                    {
                      guard: 'gotoHasService',
                      target: 'detail',
                      actions: 'gotoPrerequisite',
                    },
                    { target: 'services', actions: 'gotoPrerequisite' },
                  ],
                  'nav.back': [
                    { guard: 'isConsultation', target: 'missing', actions: 'leaveConsultation' },
                    { target: 'requirements.checklist' },
                  ],
                },
              },
              priority: {
                on: {
                  'priority.chosen': {
                    target: 'personal',
                    actions: assign({ priority: ({ event }) => event.category }),
                  },
                  'nav.back': [
                    { guard: 'hasPrerequisites', target: 'prerequisite' },
                    { guard: 'isConsultation', target: 'missing', actions: 'leaveConsultation' },
                    { target: 'requirements.checklist' },
                  ],
                },
              },
              // Personal data the service asks for, optional (UU 27/2022); passed through when none.
              personal: {
                always: { guard: not('asksPersonal'), target: 'confirm' },
                on: {
                  'personal.done': { target: 'confirm', actions: 'keepPersonal' },
                  'nav.back': 'priority',
                },
              },
              confirm: {
                on: {
                  'ticket.confirm': 'issuing',
                  'nav.back': [
                    { guard: 'asksPersonal', target: 'personal' },
                    { target: 'priority' },
                  ],
                },
              },
              issuing: {
                // Nothing may interrupt a ticket being written: it would commit unseen.
                on: { 'nav.home': {}, 'nav.back': {} },
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
                entry: [raise({ type: 'activity' }), 'autoPrintTicket', 'countAutoPrint'],
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
          // A touch restarts the timer by re-entering `active` itself: a transition declared
          // on `watchdog` would exit the whole parallel session and reset the flow.
          watchdog: {
            initial: 'active',
            states: {
              active: {
                after: { idleWarning: 'warning' },
                on: { activity: { target: 'active', reenter: true } },
              },
              warning: {
                on: { 'idle.extend': 'active', activity: 'active' },
                after: { idleReset: { guard: 'notIssuing', target: '#kiosk.attract' } },
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

export type KioskMachine = ReturnType<typeof createKioskMachine>;
