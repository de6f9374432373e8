/**
 * The catalogue editor's small fields: a text in Indonesian and English, a number, a
 * "Belum dicatat" choice around a part, a list's add and remove buttons. Every input is
 * inside its label; every list item's remove button says which item it removes.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { LocalText } from '../../domain/config/schema';
import { type Typed, typed, withText } from './agency-draft';
import { type AdminLanguage, at } from './text';

/** One text in both languages: the Indonesian one, and the English one (optional). */
export function TextPair(props: {
  lang: AdminLanguage;
  label: string;
  value: LocalText | undefined;
  onChange: (next: LocalText) => void;
}) {
  const { lang, label, value, onChange } = props;
  return (
    <div class="admin-pair">
      <label>
        {at(lang, 'ed.inId', { label })}
        <input
          lang="id"
          value={value?.id ?? ''}
          onInput={(e) => onChange(withText(value, 'id', e.currentTarget.value))}
        />
      </label>
      <label>
        {at(lang, 'ed.inEn', { label })}
        <input
          lang="en"
          value={value?.en ?? ''}
          onInput={(e) => onChange(withText(value, 'en', e.currentTarget.value))}
        />
      </label>
    </div>
  );
}

/** A one-line text. */
export function TextField(props: {
  label: string;
  value: string | undefined;
  onChange: (next: string) => void;
  note?: string;
  pattern?: string;
}) {
  const note = useId();
  return (
    <div class="admin-field">
      <label>
        {props.label}
        <input
          value={props.value ?? ''}
          pattern={props.pattern}
          aria-describedby={props.note ? note : undefined}
          onInput={(e) => props.onChange(e.currentTarget.value)}
        />
      </label>
      {props.note && (
        <p id={note} class="admin-field-note">
          {props.note}
        </p>
      )}
    </div>
  );
}

/** A whole number; what is typed stays as typed until the check. */
export function NumberField(props: {
  label: string;
  value: Typed | undefined;
  onChange: (next: Typed) => void;
  min?: number;
  note?: string;
}) {
  const note = useId();
  return (
    <div class="admin-field">
      <label>
        {props.label}
        <input
          type="number"
          inputMode="numeric"
          min={props.min}
          step={1}
          aria-describedby={props.note ? note : undefined}
          value={props.value === undefined ? '' : String(props.value)}
          onInput={(e) => props.onChange(typed(e.currentTarget.value))}
        />
      </label>
      {props.note && (
        <p id={note} class="admin-field-note">
          {props.note}
        </p>
      )}
    </div>
  );
}

/** A checkbox beside its words. */
export function Check(props: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label class="admin-check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      {props.label}
    </label>
  );
}

/**
 * A part of the standar pelayanan that may be "Belum dicatat": its legend, the choice, and
 * its fields while it is recorded.
 */
export function Unrecordable(props: {
  lang: AdminLanguage;
  legend: string;
  unrecorded: boolean;
  onUnrecorded: (on: boolean) => void;
  children: ComponentChildren;
}) {
  return (
    <fieldset class="admin-part">
      <legend>{props.legend}</legend>
      <Check
        label={at(props.lang, 'ed.unrecorded')}
        checked={props.unrecorded}
        onChange={props.onUnrecorded}
      />
      {!props.unrecorded && props.children}
    </fieldset>
  );
}

/**
 * Where focus goes once a list has rendered again: after adding, to the new item's first
 * field; after removing, to the list's add button (the removed one is gone).
 */
function focusLater(list: Element | null | undefined, after: 'add' | 'remove') {
  if (!list) return;
  setTimeout(() => {
    const target =
      after === 'remove'
        ? list.querySelector<HTMLElement>(':scope > .admin-add')
        : [...list.querySelectorAll(':scope > .admin-item')]
            .at(-1)
            ?.querySelector<HTMLElement>('input, select');
    target?.focus();
  }, 0);
}

/** A list's button: add an item, or remove the one it names (inside that item). */
export function ListButton(props: { kind: 'add' | 'remove'; label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      class={`btn btn--secondary admin-small${props.kind === 'add' ? ' admin-add' : ''}`}
      onClick={(e) => {
        const button = e.currentTarget;
        const list =
          props.kind === 'add'
            ? button.parentElement
            : button.closest('.admin-item')?.parentElement;
        props.onClick();
        focusLater(list, props.kind);
      }}
    >
      {props.label}
    </button>
  );
}
