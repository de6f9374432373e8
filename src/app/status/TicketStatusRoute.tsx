/**
 * /t/<id>: the ticket's status, live — the server's event stream sends it again whenever it
 * or another step of its journey changes; when the stream cannot be had (an old browser, a
 * proxy, a busy server) the page asks every 20 s instead. The phone vibrates, where it may,
 * when the ticket shown (a journey's current step) is called.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConfigBundle, Language } from '../../domain/config/schema';
import type { TicketStatus } from '../../domain/protocol';
import { BootScreen } from '../../ui/boot/BootScreen';
import { ensureStrings } from '../../ui/i18n';
import { shownOf } from '../../ui/status/journey-text';
import { TicketStatusPage, type TicketStatusView } from '../../ui/status/TicketStatusPage';
import { fetchConfig } from '../config-sync';
import type { Route } from '../routes';

const REFRESH_MS = 20_000;

async function fetchStatus(ticketId: string): Promise<TicketStatusView> {
  try {
    const response = await fetch(`/api/v1/tickets/${encodeURIComponent(ticketId)}`, {
      cache: 'no-store',
    });
    if (response.status === 404) return { kind: 'unknown' };
    if (!response.ok) return { kind: 'offline' };
    return {
      kind: 'found',
      status: (await response.json()) as TicketStatus,
      checkedAt: Date.now(),
    };
  } catch {
    return { kind: 'offline' };
  }
}

/** The citizen's ticket status page. */
export function TicketStatusRoute(props: Route) {
  const ticketId = props.surface === 'ticket-status' ? props.ticketId : '';
  const lang: Language = navigator.language.startsWith('id') ? 'id' : 'en';
  const [view, setView] = useState<TicketStatusView | null>(null);
  const [config, setConfig] = useState<ConfigBundle | null>(null);
  useEffect(() => {
    void Promise.all([fetchConfig(), ensureStrings(lang)]).then(([result]) => {
      if (result.ok) setConfig(result.bundle);
    });
    return followTicket(ticketId, setView);
  }, [ticketId, lang]);
  if (!view) return <BootScreen state="loading" />;
  return <TicketStatusPage view={view} config={config} lang={lang} />;
}

/** Keeps `show` told of the ticket's status until the returned function is called. */
function followTicket(ticketId: string, show: (view: TicketStatusView) => void): () => void {
  /** The ticket shown and its state, as `${id} ${status}`. */
  let shown: string | null = null;
  const update = (view: TicketStatusView) => {
    if (view.kind === 'found') {
      const ticket = shownOf(view.status);
      const now = `${ticket.id} ${ticket.status}`;
      if (ticket.status === 'called' && shown !== null && shown !== now)
        navigator.vibrate?.([400, 150, 400]);
      shown = now;
    }
    show(view);
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  const poll = () => {
    if (timer !== null) return;
    const refresh = () => void fetchStatus(ticketId).then(update);
    refresh();
    timer = setInterval(refresh, REFRESH_MS);
  };
  let source: EventSource | null = null;
  if (typeof EventSource === 'function') {
    source = new EventSource(`/api/v1/tickets/${encodeURIComponent(ticketId)}/stream`);
    source.addEventListener('status', (event) => {
      update({
        kind: 'found',
        status: JSON.parse((event as MessageEvent<string>).data),
        checkedAt: Date.now(),
      });
    });
    source.addEventListener('gone', () => update({ kind: 'unknown' }));
    // A stream refused or lost for good (404, 503): ask now and then instead.
    source.onerror = () => {
      if (source?.readyState === EventSource.CLOSED) poll();
    };
    // Until the stream's first answer, the page shows what a plain request says.
    void fetchStatus(ticketId).then((view) => {
      if (shown === null) update(view);
    });
  } else poll();
  return () => {
    source?.close();
    if (timer !== null) clearInterval(timer);
  };
}
