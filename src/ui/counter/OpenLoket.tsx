/** Opening a loket: its number and the services it serves. */
import { useState } from 'preact/hooks';
import { Notice } from './Notice';
import { ct } from './text';
import type { CounterActions, CounterView } from './view';

type OpenView = Extract<CounterView, { screen: 'open-loket' }>;

export function OpenLoket({ view, actions }: { view: OpenView; actions: CounterActions }) {
  const { lang } = view;
  const [loket, setLoket] = useState('');
  const [chosen, setChosen] = useState<string[]>(() => view.services.map((s) => s.id));
  const [local, setLocal] = useState<string | null>(null);
  return (
    <main class="screen">
      <h1 class="screen-title">{ct(lang, 'openTitle')}</h1>
      <Notice message={view.message} lang={lang} local={local} />
      <form
        class="counter-form"
        onSubmit={(e) => {
          e.preventDefault();
          const number = loket.trim().toUpperCase();
          if (!/^[0-9A-Z]{1,4}$/.test(number)) return setLocal(ct(lang, 'loketInvalid'));
          if (chosen.length === 0) return setLocal(ct(lang, 'chooseService'));
          actions.openLoket(number, chosen);
        }}
      >
        <label>
          {ct(lang, 'loketNumber')}
          <input
            value={loket}
            maxLength={4}
            autoComplete="off"
            onInput={(e) => setLoket(e.currentTarget.value)}
          />
        </label>
        <fieldset class="counter-services">
          <legend>{ct(lang, 'servicesServed')}</legend>
          {view.services.map((s) => (
            <label key={s.id} class="counter-check">
              <input
                type="checkbox"
                checked={chosen.includes(s.id)}
                onChange={(e) =>
                  setChosen(
                    e.currentTarget.checked
                      ? [...chosen, s.id]
                      : chosen.filter((id) => id !== s.id),
                  )
                }
              />
              <span>
                {s.name} <small>({s.agency})</small>
              </span>
            </label>
          ))}
        </fieldset>
        <div class="screen-actions">
          <button type="submit" class="btn btn--primary">
            {ct(lang, 'openLoket')}
          </button>
        </div>
      </form>
    </main>
  );
}
