/**
 * The search field of the agency screen. Its large clear button comes with the search
 * results' code (./SearchResults.tsx), which is there once something is typed.
 */
import { SearchClear, SearchResults } from '../lazy-screens';
import { useSend, useText } from '../runtime';

/** "Cari instansi atau layanan…" and, once something is typed, its clear button. */
export function SearchField(props: { query: string }) {
  const tr = useText();
  const send = useSend();
  return (
    <div class="search">
      <label for="kiosk-search" class="search-label">
        {tr('agencies.search')}
      </label>
      <div class="search-box">
        <input
          id="kiosk-search"
          class="search-input"
          type="search"
          autocomplete="off"
          value={props.query}
          onFocus={() => void SearchResults.preload()}
          onInput={(e) => send({ type: 'search.changed', query: e.currentTarget.value })}
        />
        {props.query !== '' && <SearchClear />}
      </div>
    </div>
  );
}
