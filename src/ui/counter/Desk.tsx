/**
 * The desk: the ticket the loket holds and its actions, the waiting list in serving order,
 * and the single-key shortcuts (ignored while typing in a field or with a dialog open).
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { lazyComponent } from '../components/lazy';
import { SpecificDialog, TransferDialog } from './dialogs';
import { Notice } from './Notice';
import { type CounterLanguage, ct } from './text';
import type { CounterActions, CounterView, TicketCard, WaitingRow } from './view';

type DeskView = Extract<CounterView, { screen: 'desk' }>;
type Dialog =
  | { kind: 'transfer'; ticketId: string }
  | { kind: 'specific' }
  | { kind: 'outcome'; card: TicketCard }
  | null;

const OutcomeDialog = lazyComponent(() => import('./OutcomeDialog').then((m) => m.OutcomeDialog));

/** Single keys for a desk PC (ignored while typing in a field). */
const SHORTCUTS = [
  ['B', 'callNext'],
  ['U', 'recall'],
  ['L', 'serve'],
  ['S', 'finish'],
  ['H', 'outcome'],
  ['T', 'noShow'],
  ['A', 'transfer'],
  ['C', 'callSpecific'],
  ['J', 'pause'],
] as const;

export function Desk({ view, actions }: { view: DeskView; actions: CounterActions }) {
  const { lang } = view;
  const [dialog, setDialog] = useState<Dialog>(null);
  const current = view.current[0];
  const onKey = useRef<(e: KeyboardEvent) => void>(() => {});
  onKey.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null;
    if (dialog || e.ctrlKey || e.metaKey || e.altKey) return;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const action = SHORTCUTS.find(([key]) => key === e.key.toUpperCase())?.[1];
    if (!action) return;
    e.preventDefault();
    run(action);
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  function run(action: (typeof SHORTCUTS)[number][1]) {
    if (action === 'callNext') return view.paused ? undefined : actions.callNext();
    if (action === 'pause') return view.paused ? actions.resume() : actions.pause();
    if (action === 'callSpecific') return setDialog({ kind: 'specific' });
    if (!current) return;
    if (action === 'transfer') return setDialog({ kind: 'transfer', ticketId: current.id });
    if (action === 'outcome') return setDialog({ kind: 'outcome', card: current });
    if (action === 'serve' && current.status !== 'called') return;
    if ((action === 'recall' || action === 'noShow') && current.status !== 'called') return;
    actions[action](current.id);
  }

  const label = (key: (typeof SHORTCUTS)[number][1]) =>
    ct(lang, key === 'pause' && view.paused ? 'resume' : key);
  const key = (action: (typeof SHORTCUTS)[number][1]) =>
    SHORTCUTS.find(([, a]) => a === action)?.[0] ?? '';
  const actionButton = (
    action: (typeof SHORTCUTS)[number][1],
    variant: 'primary' | 'secondary',
    disabled: boolean,
  ): JSX.Element => (
    <button
      type="button"
      class={`btn btn--${variant}`}
      disabled={disabled}
      aria-keyshortcuts={key(action)}
      onClick={() => run(action)}
    >
      {label(action)} <kbd>{key(action)}</kbd>
    </button>
  );
  const called = current?.status === 'called';

  return (
    <main class="counter-desk">
      <h1 class="visually-hidden">{ct(lang, 'loket', { n: view.loket })}</h1>
      {!view.online && <p class="counter-notice counter-notice--info">{ct(lang, 'offline')}</p>}
      <Notice message={view.message} lang={lang} />
      <section class="counter-current" aria-labelledby="counter-current">
        <h2 id="counter-current">{ct(lang, 'current')}</h2>
        {current ? <Card card={current} lang={lang} /> : <p>{ct(lang, 'noneCurrent')}</p>}
        <div class="counter-actions">
          {actionButton('callNext', 'primary', view.paused || view.waiting.every((w) => w.held))}
          {actionButton('recall', 'secondary', !called)}
          {actionButton('serve', 'secondary', !called)}
          {actionButton('finish', 'secondary', !current)}
          {actionButton('outcome', 'secondary', !current)}
          {actionButton('noShow', 'secondary', !called)}
          {actionButton('transfer', 'secondary', !current)}
          {actionButton('callSpecific', 'secondary', view.paused)}
          {actionButton('pause', 'secondary', false)}
          <button type="button" class="btn btn--secondary" onClick={actions.close}>
            {ct(lang, 'close')}
          </button>
        </div>
      </section>
      <section class="counter-waiting" aria-labelledby="counter-waiting">
        <h2 id="counter-waiting">{ct(lang, 'waiting', { n: view.waiting.length })}</h2>
        {view.waiting.length === 0 ? (
          <p>{ct(lang, 'noneWaiting')}</p>
        ) : (
          <ol class="counter-list">
            {view.waiting.map((row) => (
              <Row key={row.id} row={row} lang={lang} />
            ))}
          </ol>
        )}
      </section>
      <section class="counter-keys" aria-labelledby="counter-keys">
        <h2 id="counter-keys">{ct(lang, 'shortcuts')}</h2>
        <dl>
          {SHORTCUTS.map(([k, action]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{label(action)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {dialog?.kind === 'transfer' && (
        <TransferDialog
          lang={lang}
          targets={view.transferTargets}
          onCancel={() => setDialog(null)}
          onChoose={(serviceId) => {
            actions.transfer(dialog.ticketId, serviceId);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'outcome' && (
        <OutcomeDialog
          lang={lang}
          card={dialog.card}
          today={view.day}
          onCancel={() => setDialog(null)}
          onSave={(detail) => {
            actions.finishWith(dialog.card.id, detail);
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'specific' && (
        <SpecificDialog
          lang={lang}
          onCancel={() => setDialog(null)}
          onCall={(query, reason) => {
            actions.callSpecific(query, reason);
            setDialog(null);
          }}
        />
      )}
    </main>
  );
}

function Card({ card, lang }: { card: TicketCard; lang: CounterLanguage }) {
  return (
    <div class="counter-card">
      <p class="counter-number">{card.number}</p>
      <p class="lead">
        {card.service} <small>({card.agency})</small>
      </p>
      <p>
        <strong>{ct(lang, card.status === 'called' ? 'statusCalled' : 'statusServing')}</strong>
        {card.waitedMinutes !== null && ` · ${ct(lang, 'waitedFor', { m: card.waitedMinutes })}`}
        {card.priority && ` · ${ct(lang, 'priority')}`}
        {card.journey && ` · ${ct(lang, 'journey', card.journey)}`}
        {card.transfers > 0 && ` · ${ct(lang, 'transferred')}`}
      </p>
      {card.unseen && <p class="counter-unseen">{ct(lang, 'unseen')}</p>}
    </div>
  );
}

function Row({ row, lang }: { row: WaitingRow; lang: CounterLanguage }) {
  const marks = [
    row.next && ct(lang, 'next'),
    row.priority && ct(lang, 'priority'),
    row.journey && ct(lang, 'journey', row.journey),
    row.held && ct(lang, 'held'),
    row.transferred && ct(lang, 'transferred'),
  ].filter(Boolean);
  return (
    <li
      class={`counter-row${row.next ? ' counter-row--next' : ''}${row.held ? ' counter-row--held' : ''}`}
    >
      <span class="counter-row-number">{row.number}</span>
      <span>{row.service}</span>
      <span>{ct(lang, 'waitedFor', { m: row.waitedMinutes })}</span>
      {marks.length > 0 && <span class="counter-row-marks">{marks.join(' · ')}</span>}
    </li>
  );
}
