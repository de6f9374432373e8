import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../src/domain/config/catalogue';
import { type StaffKnowledge, screenStaff, ticketMove } from '../../../src/domain/trust-staff';
import { counterChange, ticketAction, ticketIssued } from '../../fixtures/events';
import { kioskBundle } from '../../fixtures/kiosk';

const catalogue = buildCatalogue([kioskBundle()]);
const KTP = 'disdukcapil-ktp-el-cetak-ulang';
const issued = ticketIssued({ data: { serviceId: KTP } });
const people: Record<string, string[]> = {
  'staff-1': ['disdukcapil'],
  'staff-imigrasi': ['imigrasi'],
  'staff-locked': ['disdukcapil'],
};

/** The server knows the people above and the ticket `issued` at `agency` (none: unseen). */
function knowing(agency: string | undefined): StaffKnowledge {
  return {
    agenciesOf: (id) => people[id],
    ticketAgency: (day, ticketId) =>
      day === issued.businessDay && ticketId === issued.id ? agency : undefined,
  };
}

describe('screenStaff', () => {
  it('passes a person of the ticket’s agency, and a kiosk’s ticket', () => {
    expect(
      screenStaff(ticketAction('ticket.called', issued), knowing('disdukcapil'), catalogue),
    ).toEqual([]);
    expect(screenStaff(issued, knowing(undefined), catalogue)).toEqual([]);
  });

  it('quarantines an id nobody of the site’s staff has, whatever the event', () => {
    const nobody = { staffId: 'Budi Santoso' };

    expect(
      screenStaff(ticketAction('ticket.called', issued, nobody), knowing('disdukcapil'), catalogue),
    ).toEqual(['unknown_staff']);
    expect(
      screenStaff(counterChange('counter.paused', nobody), knowing(undefined), catalogue),
    ).toEqual(['unknown_staff']);
    expect(
      screenStaff(
        counterChange('counter.opened', { ...nobody, serviceIds: [KTP] }),
        knowing(undefined),
        catalogue,
      ),
    ).toEqual(['unknown_staff']);
  });

  it.each([
    'ticket.called',
    'ticket.recalled',
    'ticket.serving',
    'ticket.finished',
    'ticket.no-show',
    'ticket.transferred',
  ] as const)('quarantines %s on a ticket now of another agency', (type) => {
    const action = ticketAction(type, issued, { staffId: 'staff-imigrasi' });

    expect(screenStaff(action, knowing('disdukcapil'), catalogue)).toEqual(['other_agency']);
    expect(screenStaff(action, knowing('imigrasi'), catalogue)).toEqual([]);
  });

  it('accepts an action on a ticket the server has not seen: the call may come first', () => {
    const action = ticketAction('ticket.called', issued, { staffId: 'staff-imigrasi' });

    expect(screenStaff(action, knowing(undefined), catalogue)).toEqual([]);
  });

  it('quarantines a loket opened for a service of another agency; leaves unknown ones to unknown_service', () => {
    const open = (serviceIds: string[]) =>
      screenStaff(
        counterChange('counter.opened', { staffId: 'staff-1', serviceIds }),
        knowing(undefined),
        catalogue,
      );

    expect(open([KTP])).toEqual([]);
    expect(open([KTP, 'imigrasi-paspor-baru'])).toEqual(['other_agency']);
    expect(open([KTP, 'tidak-ada'])).toEqual([]);
  });
});

describe('ticketMove', () => {
  it('places an issued ticket at its agency and a transferred one at its target', () => {
    const transfer = ticketAction('ticket.transferred', issued, {
      toAgencyId: 'imigrasi',
      toServiceId: 'imigrasi-paspor-baru',
      toPrefix: 'D',
    });

    expect(ticketMove(issued)).toEqual({
      businessDay: issued.businessDay,
      ticketId: issued.id,
      agencyId: 'disdukcapil',
    });
    expect(ticketMove(transfer)).toEqual({
      businessDay: issued.businessDay,
      ticketId: issued.id,
      agencyId: 'imigrasi',
    });
    expect(ticketMove(ticketAction('ticket.called', issued))).toBeNull();
  });
});

describe('screenStaff with a service served at another agency’s desk (servedAt)', () => {
  const bundle = kioskBundle();
  const [own, other] = bundle.agencies;
  if (!own || !other) throw new Error('fixture has two agencies');
  const served = { ...(own.services[0] as (typeof own.services)[number]), servedAt: other.id };
  const atDesk = buildCatalogue([
    { ...bundle, agencies: [{ ...own, services: [served, ...own.services.slice(1)] }, other] },
  ]);
  const deskStaff = { 'staff-desk': [other.id], 'staff-third': ['nowhere'] };
  const know = (agency: string): StaffKnowledge => ({
    agenciesOf: (id) => (deskStaff as Record<string, string[]>)[id],
    ticketAgency: () => agency,
  });

  it('lets the desk’s staff open a loket for it and act on its agency’s tickets; nobody else', () => {
    const opened = counterChange('counter.opened', {
      staffId: 'staff-desk',
      serviceIds: [served.id],
    });
    const call = ticketAction('ticket.called', issued, { staffId: 'staff-desk' });
    const stranger = ticketAction('ticket.called', issued, { staffId: 'staff-third' });

    expect(screenStaff(opened, know(own.id), atDesk)).toEqual([]);
    expect(screenStaff(call, know(own.id), atDesk)).toEqual([]);
    expect(screenStaff(call, know(own.id), catalogue)).toEqual(['other_agency']);
    expect(screenStaff(opened, know(own.id), catalogue)).toEqual(['other_agency']);
    expect(screenStaff(stranger, know(own.id), atDesk)).toEqual(['other_agency']);
  });
});
