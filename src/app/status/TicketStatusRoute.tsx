/** /t/<id>: fetches the ticket's status from the site server every 20 s while open. */
import { useEffect, useState } from 'preact/hooks';
import type { ConfigBundle, Language } from '../../domain/config/schema';
import type { TicketStatus } from '../../domain/protocol';
import { BootScreen } from '../../ui/boot/BootScreen';
import { ensureStrings } from '../../ui/i18n';
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
    const refresh = () => void fetchStatus(ticketId).then(setView);
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [ticketId, lang]);
  if (!view) return <BootScreen state="loading" />;
  return <TicketStatusPage view={view} config={config} lang={lang} />;
}
