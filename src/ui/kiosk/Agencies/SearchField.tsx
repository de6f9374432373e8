/** The search field of the agency screen, with a large clear button once something is typed. */
import { useRef } from 'preact/hooks';
import { SearchResults } from '../lazy-screens';
import { useSend, useText } from '../runtime';

/** "Cari instansi atau layanan…" and its clear button. */
export function SearchField(props: { query: string }) {
  const tr = useText();
  const send = useSend();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div class="search">
      <label for="kiosk-search" class="search-label">
        {tr('agencies.search')}
      </label>
      <div class="search-box">
        <input
          ref={input}
          id="kiosk-search"
          class="search-input"
          type="search"
          autocomplete="off"
          value={props.query}
          onFocus={() => void SearchResults.preload()}
          onInput={(e) => send({ type: 'search.changed', query: e.currentTarget.value })}
        />
        {props.query !== '' && (
          <button
            type="button"
            class="btn search-clear"
            onClick={() => {
              send({ type: 'search.changed', query: '' });
              input.current?.focus();
            }}
          >
            <span aria-hidden="true">✕ </span>
            {tr('agencies.clear')}
          </button>
        )}
      </div>
    </div>
  );
}
