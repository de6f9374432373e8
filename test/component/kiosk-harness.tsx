/**
 * Renders KioskApp around a real kiosk machine actor whose I/O (issuing, printing) is
 * replaced by spies, with the test world of test/fixtures/kiosk.ts.
 */
import { render } from '@testing-library/preact';
import { afterEach, vi } from 'vitest';
import { type AnyActorRef, createActor } from 'xstate';
import type { ConfigBundle, Profile } from '../../src/domain/config/schema';
import type { IssuedTicket, IssueRequest, Place } from '../../src/machines/kiosk.types';
import { KioskApp } from '../../src/ui/kiosk/KioskApp';
import type { KioskLinks } from '../../src/ui/kiosk/links';
import { localInstant } from '../fixtures/catalogue';
import { kioskBundle, kioskProfile } from '../fixtures/kiosk';
import { recordingKioskMachine } from '../fixtures/kiosk-ports';

/** The ticket the fake issueTicket actor returns. */
export const FAKE_TICKET: IssuedTicket = {
  id: '0190f5e0-0000-7000-8000-000000000007',
  number: 'E-007',
  agencyId: 'bpjs-kesehatan',
  serviceId: 'bpjs-kesehatan-perubahan-data',
  businessDay: '2026-11-23',
  issuedAt: localInstant('2026-11-23T09:15'),
  peopleAhead: 4,
  waitMinutes: 20,
  emergency: false,
  priority: null,
  purpose: 'service',
};

type Options = {
  config?: ConfigBundle;
  profile?: Profile;
  issue?: (request: IssueRequest) => Promise<IssuedTicket>;
  /** A mobile unit's kiosk instead of the lobby's. */
  place?: Place;
};

const started: AnyActorRef[] = [];
afterEach(() => {
  for (const actor of started.splice(0)) actor.stop();
});

/** Starts a kiosk actor and renders the kiosk UI for it. */
export function renderKiosk(options: Options = {}) {
  const { machine, requests, printTicket, printMissingList } = recordingKioskMachine(
    options.issue ?? (async () => FAKE_TICKET),
  );
  const actor = createActor(machine, {
    input: {
      config: options.config ?? kioskBundle(),
      profile: options.profile ?? kioskProfile(),
      place: options.place ?? 'lobby',
    },
  });
  actor.start();
  started.push(actor);
  const links = {
    ticketUrl: vi.fn((t: { id: string }) => `https://antrean.test/t/${t.id}`),
    missingListUrl: vi.fn(
      (serviceId: string, missing: string[]) =>
        `https://antrean.test/info/${serviceId}?kurang=${missing.join(',')}`,
    ),
  } satisfies KioskLinks;
  const view = render(<KioskApp actor={actor} links={links} />);
  return { actor, links, printTicket, printMissingList, requests, ...view };
}

/** The top-level state of the flow region, for assertions on where the machine is. */
export function flowOf(actor: ReturnType<typeof renderKiosk>['actor']): unknown {
  const value = actor.getSnapshot().value;
  return typeof value === 'object' && 'session' in value
    ? (value.session as { flow: unknown }).flow
    : value;
}
