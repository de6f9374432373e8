/**
 * /t/<id>: the ticket's status, live — the server's event stream sends it again whenever it
 * or another step of its journey changes; when the stream cannot be had (an old browser, a
 * proxy, a busy server) the page asks every 20 s instead. The phone vibrates, where it may,
 * when the ticket shown (a journey's current step) is called. It speaks the ticket's language
 * (the server's answer, before it the link's `l=`), never the phone's; the citizen may switch.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConfigBundle, Language } from '../../domain/config/schema';
import { hasStrings, t } from '../../domain/i18n/strings';
import type { TicketStatus } from '../../domain/protocol';
import { readLinkLanguage } from '../../domain/ticket-link-read';
import { PhoneLoading } from '../../ui/boot/PhoneLoading';
import { ensureStrings } from '../../ui/i18n';
import { shownOf } from '../../ui/status/journey-text';
import { TicketStatusPage, type TicketStatusView } from '../../ui/status/TicketStatusPage';
import { fetchShownConfig } from '../config-sync';
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
  const [view, setView] = useState<TicketStatusView | null>(null);
  const [config, setConfig] = useState<ConfigBundle | null>(null);
  /** The language the citizen switched to, if they did. */
  const [chosen, setChosen] = useState<Language | null>(null);
  const [, stringsLoaded] = useState(0);
  const lang = chosen ?? ticketLanguage(view);
  useEffect(() => {
    void fetchShownConfig().then(setConfig);
    return followTicket(ticketId, setView);
  }, [ticketId]);
  const worded = hasStrings(lang);
  useEffect(() => {
    if (!worded) void ensureStrings(lang).then(() => stringsLoaded((n) => n + 1));
    document.documentElement.lang = lang;
    document.title = t(lang, 'status.title');
  }, [lang, worded]);
  if (!view || !worded) return <PhoneLoading lang={lang} />;
  const switchTo = (next: Language) => void ensureStrings(next).then(() => setChosen(next));
  return <TicketStatusPage view={view} config={config} lang={lang} onLanguage={switchTo} />;
}

/** The ticket's language: the server's word, else the link's, else Indonesian. */
function ticketLanguage(view: TicketStatusView | null): Language {
  if (view?.kind === 'found') return view.status.language;
  return readLinkLanguage(window.location.href) ?? 'id';
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
