/**
 * A service's requirements in the catalogue editor: each mandatory or not, with its
 * alternatives ("any one of", at least two) and its condition (asked first as one of the
 * service's questions, e.g. "KTP hilang?"); and those questions.
 */
import {
  type LocalText,
  type Question,
  type Requirement,
  UNRECORDED,
  UNRECORDED_TEXT,
} from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import { removeAt, replaceAt } from './agency-draft';
import { Check, ListButton, TextField, TextPair, Unrecordable } from './editor-fields';
import { type AdminLanguage, at } from './text';

type Condition = Requirement['when'];

/** The select's value of a condition: '' always, else `question:yes|no`. */
const conditionKey = (when: Condition) =>
  when ? `${when.question}:${when.answer ? 'yes' : 'no'}` : '';

function conditionOf(key: string): Condition {
  if (key === '') return undefined;
  const colon = key.lastIndexOf(':');
  return { question: key.slice(0, colon), answer: key.slice(colon + 1) === 'yes' };
}

/** A text that may be absent: left out when both languages are empty. */
const optional = (text: LocalText) => (text.id === '' && text.en === undefined ? undefined : text);

/** The condition's choice: always, or one answer to one of the service's questions. */
export function ConditionField(props: {
  lang: AdminLanguage;
  questions: readonly Question[];
  value: Condition;
  onChange: (next: Condition) => void;
}) {
  const { lang, questions, value } = props;
  const known = value === undefined || questions.some((q) => q.id === value.question);
  return (
    <label>
      {at(lang, 'ed.condition')}
      <select
        value={conditionKey(value)}
        onChange={(e) => props.onChange(conditionOf(e.currentTarget.value))}
      >
        <option value="">{at(lang, 'ed.always')}</option>
        {!known && value && <option value={conditionKey(value)}>{conditionKey(value)}</option>}
        {questions.flatMap((q) =>
          [true, false].map((answer) => (
            <option key={`${q.id}:${answer}`} value={conditionKey({ question: q.id, answer })}>
              {at(lang, 'ed.onAnswer', {
                question: localized(q.text, lang) || q.id,
                answer: at(lang, answer ? 'ed.yes' : 'ed.no'),
              })}
            </option>
          )),
        )}
      </select>
    </label>
  );
}

function RequirementFields(props: {
  lang: AdminLanguage;
  n: number;
  value: Requirement;
  questions: readonly Question[];
  onChange: (next: Requirement) => void;
  onRemove: () => void;
}) {
  const { lang, n, value } = props;
  const change = (patch: Partial<Requirement>) => {
    const next = { ...value, ...patch };
    for (const key of ['note', 'anyOf', 'when'] as const)
      if (next[key] === undefined) delete next[key];
    props.onChange(next);
  };
  const options = value.anyOf ?? [];
  return (
    <fieldset class="admin-item">
      <legend>{at(lang, 'ed.requirement', { n })}</legend>
      <TextPair
        lang={lang}
        label={at(lang, 'ed.reqLabel')}
        value={value.label}
        onChange={(label) => change({ label })}
      />
      <div class="admin-row">
        <TextField
          label={at(lang, 'ed.reqId')}
          value={value.id}
          onChange={(id) => change({ id })}
        />
        <Check
          label={at(lang, 'ed.mandatory')}
          checked={value.mandatory}
          onChange={(mandatory) => change({ mandatory })}
        />
        <ConditionField
          lang={lang}
          questions={props.questions}
          value={value.when}
          onChange={(when) => change({ when })}
        />
      </div>
      <TextPair
        lang={lang}
        label={at(lang, 'ed.reqNote')}
        value={value.note}
        onChange={(note) => change({ note: optional(note) })}
      />
      <fieldset>
        <legend>{at(lang, 'ed.alternatives')}</legend>
        {options.map((option, i) => {
          const m = i + 1;
          const set = (patch: Partial<typeof option>) =>
            change({ anyOf: replaceAt(options, i, { ...option, ...patch }) });
          return (
            <fieldset key={i} class="admin-item">
              <legend>{at(lang, 'ed.alternative', { n: m })}</legend>
              <TextPair
                lang={lang}
                label={at(lang, 'ed.reqLabel')}
                value={option.label}
                onChange={(label) => set({ label })}
              />
              <div class="admin-row">
                <TextField
                  label={at(lang, 'ed.altId')}
                  value={option.id}
                  onChange={(id) => set({ id })}
                />
                <ListButton
                  kind="remove"
                  label={at(lang, 'ed.removeAlternative', { n: m })}
                  onClick={() => {
                    const rest = removeAt(options, i);
                    change({ anyOf: rest.length === 0 ? undefined : rest });
                  }}
                />
              </div>
            </fieldset>
          );
        })}
        <ListButton
          kind="add"
          label={at(lang, 'ed.addAlternative')}
          onClick={() => change({ anyOf: [...options, { id: '', label: { id: '' } }] })}
        />
      </fieldset>
      <ListButton
        kind="remove"
        label={at(lang, 'ed.removeRequirement', { n })}
        onClick={props.onRemove}
      />
    </fieldset>
  );
}

/** The requirements, in order, each with its fields. */
export function RequirementList(props: {
  lang: AdminLanguage;
  value: Requirement[];
  questions: readonly Question[];
  onChange: (next: Requirement[]) => void;
}) {
  const { lang, value } = props;
  // Not recorded yet: one requirement that says so, which the kiosk's checklist never asks.
  const unrecorded = value.length === 1 && value[0]?.id === UNRECORDED;
  return (
    <Unrecordable
      lang={lang}
      legend={at(lang, 'ed.requirements')}
      unrecorded={unrecorded}
      onUnrecorded={(on) =>
        props.onChange([
          on
            ? { id: UNRECORDED, label: { ...UNRECORDED_TEXT }, mandatory: false }
            : { id: '', label: { id: '' }, mandatory: true },
        ])
      }
    >
      {value.map((requirement, i) => (
        <RequirementFields
          key={i}
          lang={lang}
          n={i + 1}
          value={requirement}
          questions={props.questions}
          onChange={(next) => props.onChange(replaceAt(value, i, next))}
          onRemove={() => props.onChange(removeAt(value, i))}
        />
      ))}
      <ListButton
        kind="add"
        label={at(lang, 'ed.addRequirement')}
        onClick={() => props.onChange([...value, { id: '', label: { id: '' }, mandatory: true }])}
      />
    </Unrecordable>
  );
}

/** The questions asked before the conditional requirements. */
export function QuestionList(props: {
  lang: AdminLanguage;
  value: Question[] | undefined;
  onChange: (next: Question[] | undefined) => void;
}) {
  const { lang } = props;
  const questions = props.value ?? [];
  const set = (next: Question[]) => props.onChange(next.length === 0 ? undefined : next);
  return (
    <fieldset class="admin-part">
      <legend>{at(lang, 'ed.questions')}</legend>
      {questions.map((question, i) => {
        const n = i + 1;
        return (
          <fieldset key={i} class="admin-item">
            <legend>{at(lang, 'ed.question', { n })}</legend>
            <TextPair
              lang={lang}
              label={at(lang, 'ed.questionText')}
              value={question.text}
              onChange={(text) => set(replaceAt(questions, i, { ...question, text }))}
            />
            <div class="admin-row">
              <TextField
                label={at(lang, 'ed.questionId')}
                value={question.id}
                onChange={(id) => set(replaceAt(questions, i, { ...question, id }))}
              />
              <ListButton
                kind="remove"
                label={at(lang, 'ed.removeQuestion', { n })}
                onClick={() => set(removeAt(questions, i))}
              />
            </div>
          </fieldset>
        );
      })}
      <ListButton
        kind="add"
        label={at(lang, 'ed.addQuestion')}
        onClick={() => set([...questions, { id: '', text: { id: '' } }])}
      />
    </fieldset>
  );
}
