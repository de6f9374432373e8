/**
 * The kiosk machine's implementations, named: issuing and printing are the ports the
 * composition root passes in; guards read the context through the selectors.
 */
import { assign, createMachine, fromPromise, not, type setup, stateIn } from 'xstate';
import type { PersonalField } from '../domain/personal-data';
import {
  citizenChoices,
  freshCheck,
  resetContext,
  withAnswer,
  withMark,
  withoutLastAnswer,
} from './kiosk.context';
import {
  availabilityOf,
  currentService,
  findService,
  nextQuestion,
  prerequisitesOf,
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

/** The machine's I/O, given by the composition root (the runtime, or a test). */
export type KioskPorts = {
  issueTicket: (request: IssueRequest) => Promise<IssuedTicket>;
  printTicket: () => void;
  /** Prints the list the screen shows: what is missing, or a service's whole list. */
  printMissingList: () => void;
  /**
   * Keeps consented personal data of a service for sending, apart from the log: the
   * reference its ticket will carry.
   */
  keepPersonal: (given: { serviceId: string; fields: PersonalField[] }) => string;
};

/** Whether the device's profile prints a ticket as soon as it is issued. */
const autoPrints = (context: KioskContext) =>
  context.profile.printer.autoPrint && context.profile.printer.kind !== 'none';

/**
 * XState's setup(), typed as such, without the action creators it hands out (assign, sendTo,
 * log, emit, enqueueActions…): the machine imports what it uses, and the rest — ≈ 1 KB gzip
 * on the kiosk's way to a ticket — stays out of the build.
 */
const leanSetup = ((implementations: Parameters<typeof createMachine>[1]) => ({
  createMachine: (config: Parameters<typeof createMachine>[0]) =>
    createMachine(config, implementations),
})) as unknown as typeof setup;

/**
 * setup() with every named implementation the machine refers to, the ports included: the
 * machine is built once, with them (provide() would build its states a second time, a cost
 * the kiosk's cold start pays).
 */
export const kioskSetup = (ports: KioskPorts) =>
  leanSetup({
    types: {
      context: {} as KioskContext,
      events: {} as KioskEvent,
      input: {} as KioskInput,
    },
    actors: {
      issueTicket: fromPromise<IssuedTicket, IssueRequest>(({ input }) => ports.issueTicket(input)),
    },
    actions: {
      printTicket: () => ports.printTicket(),
      // The ticket screen's entry: a profile that prints by itself prints once, and counts it.
      autoPrintTicket: ({ context }) => {
        if (autoPrints(context)) ports.printTicket();
      },
      countAutoPrint: assign({
        printCount: ({ context }) => context.printCount + (autoPrints(context) ? 1 : 0),
      }),
      printMissingList: () => ports.printMissingList(),
      keepPersonal: assign(({ context, event }) => {
        if (event.type !== 'personal.done' || !event.fields) return { personal: null };
        const ref = ports.keepPersonal({
          serviceId: context.serviceId ?? '',
          fields: event.fields,
        });
        return { personal: { ref, shown: event.shown } };
      }),
      resetSession: assign(({ context }) => resetContext(context)),
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
      answerQuestion: assign(({ context, event }) =>
        event.type === 'question.answered'
          ? { answers: withAnswer(context.answers, event.questionId, event.answer) }
          : {},
      ),
      unanswerLastQuestion: assign(({ context }) => ({ answers: withoutLastAnswer(context) })),
      markRequirement: assign(({ context, event }) =>
        event.type === 'requirement.marked'
          ? { answers: withMark(context.answers, event.key, event.mark) }
          : {},
      ),
      leaveConsultation: assign({ consultation: false }),
    },
    guards: {
      serviceOpen: ({ context }) =>
        context.serviceId !== null && availabilityOf(context, context.serviceId).state === 'open',
      hasPendingQuestion: ({ context }) => nextQuestion(context) !== null,
      requirementsComplete: ({ context }) => requirementCheck(context)?.complete === true,
      mandatoryMissing: ({ context }) =>
        (requirementCheck(context)?.missingMandatory.length ?? 0) > 0,
      hasPrerequisites: ({ context }) => prerequisitesOf(context).length > 0,
      asksPersonal: ({ context }) => currentService(context)?.personalData !== undefined,
      isConsultation: ({ context }) => context.consultation,
      hasAnsweredQuestion: ({ context }) => Object.keys(context.answers.questions).length > 0,
      canPrintList: ({ context }) => context.profile.printer.kind !== 'none',
      canPrint: ({ context }) => context.profile.printer.kind !== 'none' && context.printCount < 2,
      quotaFailure: ({ event }) => {
        const error = (event as unknown as { error?: unknown }).error;
        return error instanceof IssueError && error.failure === 'quota-exhausted';
      },
      gotoHasService: ({ context, event }) =>
        event.type === 'prerequisite.goto' &&
        event.serviceId !== undefined &&
        findService(context.config, event.serviceId) !== null,
      notIssuing: not(stateIn({ session: { flow: 'issuing' } })),
      inGroup: ({ context }) => context.groupId !== null,
      serviceExists: ({ context, event }) =>
        event.type === 'service.selected' && findService(context.config, event.serviceId) !== null,
    },
    delays: {
      idleWarning: ({ context }) => context.profile.idle.warningAfterSeconds * 1000,
      idleReset: ({ context }) => context.profile.idle.resetAfterSeconds * 1000,
      ticketScreen: ({ context }) => context.profile.idle.ticketScreenSeconds * 1000,
    },
  });
