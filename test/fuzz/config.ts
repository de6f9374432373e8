/**
 * The site the fuzz runs on, and what the fuzz knows of it independently of the server's
 * code: each service's agency, queue prefix, requirement ids and names, and quotas; the
 * device profiles (kiosk, two lokets — one for all agencies, one for Imigrasi — and a
 * board) and which event types each surface may record. The expected verdicts
 * (./judge.ts) and the public-page checks are made from this, not from
 * src/domain/trust.ts, so a broken server rule cannot hide behind its own oracle.
 */
import type { ConfigBundle, LocalText } from '../../src/domain/config/schema';
import type { EventType, TicketTransferred } from '../../src/domain/events';
import { businessDayOf } from '../../src/domain/time';
import { kioskBundle, kioskProfile } from '../fixtures/kiosk';

/** A device's profile: the kiosk, a loket, the loket of Imigrasi, the lobby board. */
export const PROFILES = {
  kiosk: 'lobi-utama',
  counter: 'loket',
  imigrasiCounter: 'loket-imigrasi',
  display: 'papan',
} as const;
export type ProfileId = (typeof PROFILES)[keyof typeof PROFILES];
/** What a device is, by its profile. */
export type Surface = 'kiosk' | 'counter' | 'display';

/** One service as a kiosk of this site issues it. */
export type KnownService = {
  agencyId: string;
  serviceId: string;
  prefix: string;
  requirements: readonly string[];
  agencyName: LocalText;
  serviceName: LocalText;
  quota: number | undefined;
};

/** The kiosk fixture, with a service on its own queue ('DA') and a quota that lasts a while. */
export function fuzzConfig(): ConfigBundle {
  const counter = { printer: { kind: 'none', paperWidth: 80, autoPrint: false } } as const;
  const config = kioskBundle({
    profiles: [
      kioskProfile(),
      kioskProfile({ ...counter, id: PROFILES.counter, surface: 'counter', lockDown: false }),
      kioskProfile({
        ...counter,
        id: PROFILES.imigrasiCounter,
        surface: 'counter',
        agencies: ['imigrasi'],
        lockDown: false,
      }),
      kioskProfile({ ...counter, id: PROFILES.display, surface: 'display' }),
    ],
  });
  config.version = 'fuzz-1';
  for (const agency of config.agencies) {
    for (const service of agency.services) {
      if (service.id === 'imigrasi-paspor-anak') service.prefix = 'DA';
      if (service.id === 'imigrasi-paspor-baru') service.dailyQuota = 25;
    }
  }
  return config;
}

/** Every service of the config, as the fuzz knows it. */
export function knownServices(config: ConfigBundle): KnownService[] {
  return config.agencies.flatMap((agency) =>
    agency.services.map((service) => ({
      agencyId: agency.id,
      serviceId: service.id,
      prefix: service.prefix ?? agency.prefix,
      requirements: service.requirements.flatMap((r) => [
        r.id,
        ...(r.anyOf ?? []).map((o) => o.id),
      ]),
      agencyName: agency.shortName,
      serviceName: service.name,
      quota: service.dailyQuota,
    })),
  );
}

/** The surface and agencies (none: all) of each profile, as the fuzz knows them. */
export function profilesOf(
  config: ConfigBundle,
): Map<string, { surface: Surface; agencies: string[] }> {
  return new Map(
    config.profiles.map((p) => [
      p.id,
      { surface: p.surface as Surface, agencies: p.agencies ?? config.agencies.map((a) => a.id) },
    ]),
  );
}

/** What the fuzz knows of the site. */
export type Site = {
  config: ConfigBundle;
  services: KnownService[];
  prefixes: string[];
  siteId: string;
  timeZone: ConfigBundle['site']['timeZone'];
  blockSize: number;
  /** The most numbers of one (day, prefix) one device is granted (src/domain/numbering.ts). */
  share: number;
  profiles: Map<string, { surface: Surface; agencies: string[] }>;
};

/** The fuzz's knowledge of the site: services, queue prefixes, block size and device share. */
export function fuzzSite(config = fuzzConfig()): Site {
  const services = knownServices(config);
  const blockSize = config.site.numbering.deviceBlockSize;
  return {
    config,
    services,
    prefixes: [...new Set(services.map((s) => s.prefix))],
    siteId: config.site.id,
    timeZone: config.site.timeZone,
    blockSize,
    share: Math.max(2_000, 20 * blockSize),
    profiles: profilesOf(config),
  };
}

/**
 * The most quota tokens of a service and day one device may hold unused (granted, and not
 * yet in a ticket it pushed that the server recorded): a quarter of the daily quota, at
 * least 10 (src/domain/quotas.ts, quotaRule; written out here so the model stays its own).
 */
export function quotaDeviceShare(quota: number): number {
  return Math.max(10, Math.ceil(quota / 4));
}

/** The quarantine reasons the server must give a ticket naming these (src/domain/trust.ts). */
export function expectedQuarantine(
  site: Site,
  data: { agencyId: string; serviceId: string; prefix: string; missing: readonly string[] },
): string[] {
  const service = site.services.find((s) => s.serviceId === data.serviceId);
  if (service === undefined || service.agencyId !== data.agencyId) return ['unknown_service'];
  const reasons: string[] = [];
  if (service.prefix !== data.prefix) reasons.push('unknown_queue');
  if (data.missing.some((id) => !service.requirements.includes(id))) {
    reasons.push('unknown_requirement');
  }
  return reasons;
}

/**
 * Whether a device of `surface` may record `type`: kiosks issue tickets, lokets act on
 * them, a board records nothing (EVENT_AUTHORS of src/domain/trust.ts, written out here).
 */
export function mayRecord(surface: Surface, type: EventType): boolean {
  return type === 'ticket.issued' ? surface === 'kiosk' : surface === 'counter';
}

/** The quarantine reasons of a transfer to this target (src/domain/trust.ts, screenTransfer). */
export function expectedTransferQuarantine(
  site: Site,
  data: Pick<TicketTransferred, 'toAgencyId' | 'toServiceId' | 'toPrefix'>,
): string[] {
  const service = site.services.find((s) => s.serviceId === data.toServiceId);
  if (service === undefined || service.agencyId !== data.toAgencyId) return ['unknown_service'];
  return service.prefix === data.toPrefix ? [] : ['unknown_queue'];
}

/** The quarantine reasons of a loket opened for these services (screenServices). */
export function expectedServicesQuarantine(site: Site, serviceIds: readonly string[]): string[] {
  return serviceIds.every((id) => site.services.some((s) => s.serviceId === id))
    ? []
    : ['unknown_service'];
}

const DAY_MS = 86_400_000;

/** The site's business day `ahead` days from now (the server's clock is this machine's). */
export function dayAhead(site: Site, ahead: number): string {
  return businessDayOf(Date.now() + ahead * DAY_MS, site.timeZone);
}
