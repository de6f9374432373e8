/**
 * The catalogue editor's working copy of an agency: the agency as the config has it, each
 * part of a service's standar pelayanan not recorded yet held as the mark "belum-dicatat"
 * (the words the kiosk shows turned back into it), and numbers kept as typed when they are
 * none, for the server's check to name. What is sent is the copy (the server reads the marks).
 */
import {
  type Agency,
  type Cost,
  type LocalText,
  type Service,
  UNRECORDED,
  UNRECORDED_TEXT,
} from '../../domain/config/schema';

export type Unrecorded = typeof UNRECORDED;
/** A number field: a number, or what was typed when it is none. */
export type Typed = number | string;

export type ServiceDraft = Omit<
  Service,
  'cost' | 'duration' | 'product' | 'procedure' | 'dailyQuota' | 'averageServiceMinutes'
> & {
  cost: Cost | Unrecorded;
  duration: LocalText | Unrecorded;
  product: LocalText | Unrecorded;
  procedure: LocalText[] | Unrecorded;
  dailyQuota?: Typed;
  averageServiceMinutes: Typed;
};

export type AgencyDraft = Omit<Agency, 'services' | 'counters' | '$schema'> & {
  counters: Typed;
  services: ServiceDraft[];
};

const isWords = (text: LocalText | undefined) => text?.id === UNRECORDED_TEXT.id;

function serviceDraft(service: Service): ServiceDraft {
  const s = structuredClone(service);
  return {
    ...s,
    cost: s.cost.kind === 'variable' && isWords(s.cost.note) ? UNRECORDED : s.cost,
    duration: isWords(s.duration) ? UNRECORDED : s.duration,
    product: isWords(s.product) ? UNRECORDED : s.product,
    procedure: s.procedure.length === 1 && isWords(s.procedure[0]) ? UNRECORDED : s.procedure,
  };
}

/** The working copy of an agency of the config. */
export function draftOf(agency: Agency): AgencyDraft {
  const { $schema: _hint, ...rest } = structuredClone(agency);
  return { ...rest, services: agency.services.map(serviceDraft) };
}

/** A service to fill in: every part not recorded yet, one requirement to name. */
export function newService(): ServiceDraft {
  return {
    id: '',
    name: { id: '' },
    offeredAt: ['lobby'],
    averageServiceMinutes: 15,
    requirements: [{ id: '', label: { id: '' }, mandatory: true }],
    procedure: UNRECORDED,
    duration: UNRECORDED,
    cost: UNRECORDED,
    product: UNRECORDED,
  };
}

/** An agency to fill in, with one service. */
export function newAgency(): AgencyDraft {
  return {
    id: '',
    name: { id: '' },
    shortName: { id: '' },
    prefix: '',
    colour: '#1565c0',
    counters: 1,
    complaints: [{ kind: 'desk', value: '' }],
    services: [newService()],
  };
}

/** What is sent: the copy, a quota left empty left out. */
export function agencyOf(draft: AgencyDraft): Record<string, unknown> {
  const services = draft.services.map(({ dailyQuota, ...rest }) =>
    dailyQuota === undefined || dailyQuota === '' ? rest : { ...rest, dailyQuota },
  );
  return { ...draft, services };
}

/** A number typed into a field: the number, '' when empty, else the text as typed. */
export function typed(raw: string): Typed {
  const text = raw.trim();
  if (text === '') return '';
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** A text with one language changed; an empty English text is left out. */
export function withText(text: LocalText | undefined, lang: 'id' | 'en', value: string): LocalText {
  const next: LocalText = {
    id: text?.id ?? '',
    ...(text?.en === undefined ? {} : { en: text.en }),
  };
  if (lang === 'id') next.id = value;
  else if (value === '') delete next.en;
  else next.en = value;
  return next;
}

/** `list` with item `i` replaced. */
export function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

/** `list` without item `i`. */
export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}
