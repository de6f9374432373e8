/**
 * The lobby board for a TV (1920×1080) or a portrait screen: the newest call largest, the
 * last call of every loket, the next few waiting per agency, the MPP bergerak stops, and a
 * one-time "Aktifkan suara" for the voice. Indonesian first, English beneath, large type
 * readable from across the hall.
 */
import '../styles/kiosk.css';
import './display.css';
import { useLayoutEffect, useReducer } from 'preact/hooks';
import type { BoardActions, BoardStore } from './view';

/** The display surface. */
export function DisplayApp({ store, actions }: { store: BoardStore; actions: BoardActions }) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => store.subscribe(() => rerender(0)), [store]);
  const view = store.getSnapshot();
  return (
    <div class="kiosk board" lang="id">
      <header class="board-bar">
        <span class="board-site">{view.siteName}</span>
        {!view.sound && (
          <button
            type="button"
            class="btn btn--secondary board-sound"
            onClick={actions.enableSound}
          >
            Aktifkan suara <span lang="en">Turn on sound</span>
          </button>
        )}
        <span class="board-clock">{view.clock}</span>
      </header>
      <main class="board-main">
        <h1 class="visually-hidden">
          Papan antrean <span lang="en">Queue board</span>
        </h1>
        <section class="board-now" aria-labelledby="board-now">
          <h2 id="board-now">
            Dipanggil <span lang="en">Now calling</span>
          </h2>
          {view.highlight ? (
            <div class="board-highlight" style={{ borderColor: view.highlight.colour }}>
              <p class="board-highlight-number">{view.highlight.number}</p>
              <p class="board-highlight-loket">
                Silakan menuju loket {view.highlight.loket}
                <span lang="en"> · Please go to counter {view.highlight.loket}</span>
              </p>
              <p class="board-agency">{view.highlight.agency}</p>
            </div>
          ) : (
            <p class="board-empty">
              Belum ada panggilan. <span lang="en">No calls yet.</span>
            </p>
          )}
        </section>
        <section class="board-calls" aria-labelledby="board-calls">
          <h2 id="board-calls">
            Panggilan terakhir <span lang="en">Last calls</span>
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">
                  Nomor <span lang="en">Number</span>
                </th>
                <th scope="col">
                  Loket <span lang="en">Counter</span>
                </th>
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
          <h2 id="board-next">
            Berikutnya <span lang="en">Next</span>
          </h2>
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
            Papan tidak terhubung ke server — panggilan tetap ditampilkan di loket.
            <span lang="en"> The board is offline — calls are shown at the counters.</span>
          </p>
        )}
        {view.visits.map((v) => (
          <p key={v.id} class="board-visit">
            {v.id} <span lang="en">{v.en}</span>
          </p>
        ))}
      </footer>
      <p class="visually-hidden" aria-live="polite" data-testid="board-spoken">
        {view.spoken}
      </p>
    </div>
  );
}
