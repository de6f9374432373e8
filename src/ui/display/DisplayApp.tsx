/**
 * The lobby board for a TV (1920×1080) or a portrait screen: the newest call largest, the
 * last call of every loket, the next few waiting per agency, the MPP bergerak stops, and a
 * one-time "Aktifkan suara" for the voice. One language, its profile's (a citizen screen
 * shows one at a time), in large type readable from across the hall.
 */
import '../styles/kiosk.css';
import './display.css';
import { useLayoutEffect, useReducer } from 'preact/hooks';
import type { Language } from '../../domain/config/schema';
import type { BoardActions, BoardStore } from './view';

type Word =
  | 'sound'
  | 'title'
  | 'now'
  | 'goTo'
  | 'none'
  | 'last'
  | 'number'
  | 'loket'
  | 'next'
  | 'offline';

/** The board's few words, in each language. */
const WORDS: Record<Language, Record<Word, string>> = {
  id: {
    sound: 'Aktifkan suara',
    title: 'Papan antrean',
    now: 'Dipanggil',
    goTo: 'Silakan menuju loket {loket}',
    none: 'Belum ada panggilan.',
    last: 'Panggilan terakhir',
    number: 'Nomor',
    loket: 'Loket',
    next: 'Berikutnya',
    offline: 'Papan tidak terhubung ke server — panggilan tetap ditampilkan di loket.',
  },
  en: {
    sound: 'Turn on sound',
    title: 'Queue board',
    now: 'Now calling',
    goTo: 'Please go to counter {loket}',
    none: 'No calls yet.',
    last: 'Last calls',
    number: 'Number',
    loket: 'Counter',
    next: 'Next',
    offline: 'The board is offline — calls are shown at the counters.',
  },
};

/** The display surface. */
export function DisplayApp({ store, actions }: { store: BoardStore; actions: BoardActions }) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => store.subscribe(() => rerender(0)), [store]);
  const view = store.getSnapshot();
  const w = WORDS[view.lang];
  return (
    <div class="kiosk board" lang={view.lang}>
      <header class="board-bar">
        <span class="board-site">{view.siteName}</span>
        {!view.sound && (
          <button
            type="button"
            class="btn btn--secondary board-sound"
            onClick={actions.enableSound}
          >
            {w.sound}
          </button>
        )}
        <span class="board-clock">{view.clock}</span>
      </header>
      <main class="board-main">
        <h1 class="visually-hidden">{w.title}</h1>
        <section class="board-now" aria-labelledby="board-now">
          <h2 id="board-now">{w.now}</h2>
          {view.highlight ? (
            <div class="board-highlight" style={{ borderColor: view.highlight.colour }}>
              <p class="board-highlight-number">{view.highlight.number}</p>
              <p class="board-highlight-loket">{w.goTo.replace('{loket}', view.highlight.loket)}</p>
              <p class="board-agency">{view.highlight.agency}</p>
            </div>
          ) : (
            <p class="board-empty">{w.none}</p>
          )}
        </section>
        <section class="board-calls" aria-labelledby="board-calls">
          <h2 id="board-calls">{w.last}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{w.number}</th>
                <th scope="col">{w.loket}</th>
              </tr>
            </thead>
            <tbody>
              {view.calls.map((call, i) => (
                <tr key={call.id} class={i === 0 ? 'board-row--newest' : undefined}>
                  <td style={{ borderLeftColor: call.colour }}>{call.number}</td>
                  <td>{call.loket}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section class="board-next" aria-labelledby="board-next">
          <h2 id="board-next">{w.next}</h2>
          <ul>
            {view.upcoming.map((u) => (
              <li key={u.agency} style={{ borderLeftColor: u.colour }}>
                <span class="board-agency">{u.agency}</span>
                <span class="board-numbers">{u.numbers.join('  ')}</span>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer class="board-foot">
        {!view.online && (
          <p class="board-offline" role="status">
            {w.offline}
          </p>
        )}
        {view.visits.map((line) => (
          <p key={line} class="board-visit">
            {line}
          </p>
        ))}
      </footer>
      <p class="visually-hidden" aria-live="polite" data-testid="board-spoken">
        {view.spoken}
      </p>
    </div>
  );
}
