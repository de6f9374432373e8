/** The counter's dialogs: transfer to a service, call a specific number. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { COUNTER_TEXT, type CounterLanguage, ct } from './text';
import type { ServiceOption } from './view';

export function TransferDialog(props: {
  lang: CounterLanguage;
  targets: ServiceOption[];
  onCancel: () => void;
  onChoose: (serviceId: string) => void;
}) {
  const { lang } = props;
  return (
    <Modal title={ct(lang, 'transferTo')} onCancel={props.onCancel} lang={lang}>
      <ul class="counter-targets">
        {props.targets.map((s) => (
          <li key={s.id}>
            <button type="button" class="btn btn--choice" onClick={() => props.onChoose(s.id)}>
              {s.name} <small>({s.agency})</small>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

type Reason = keyof (typeof COUNTER_TEXT)['id']['reasons'];

export function SpecificDialog(props: {
  lang: CounterLanguage;
  onCancel: () => void;
  onCall: (query: string, reason: Reason) => void;
}) {
  const { lang } = props;
  const [query, setQuery] = useState('');
  const [reason, setReason] = useState<Reason>('returned');
  return (
    <Modal title={ct(lang, 'callSpecific')} onCancel={props.onCancel} lang={lang}>
      <form
        class="counter-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim() !== '') props.onCall(query.trim(), reason);
        }}
      >
        <p>{ct(lang, 'specificLead')}</p>
        <label>
          {ct(lang, 'ticketQuery')}
          <input
            value={query}
            autoComplete="off"
            // biome-ignore lint/a11y/noAutofocus: a USB scanner types into the focused field
            autoFocus
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
        </label>
        <fieldset>
          <legend>{ct(lang, 'reason')}</legend>
          {(Object.keys(COUNTER_TEXT[lang].reasons) as Reason[]).map((r) => (
            <label key={r} class="counter-check">
              <input
                type="radio"
                name="reason"
                checked={reason === r}
                onChange={() => setReason(r)}
              />
              <span>{COUNTER_TEXT[lang].reasons[r]}</span>
            </label>
          ))}
        </fieldset>
        <div class="screen-actions">
          <button type="button" class="btn btn--secondary" onClick={props.onCancel}>
            {ct(lang, 'cancel')}
          </button>
          <button type="submit" class="btn btn--primary">
            {ct(lang, 'call')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A dialog that holds focus while open and gives it back when it closes. */
export function Modal(props: {
  title: string;
  lang: CounterLanguage;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => opener?.focus?.();
  }, []);
  return (
    <dialog
      ref={ref}
      class="counter-dialog"
      aria-labelledby="counter-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="counter-dialog-title">{props.title}</h2>
      {props.children}
    </dialog>
  );
}
