/** The ticket's QR link: the phone page of the ticket to wait for now, and what a counter needs. */
import { describe, expect, it } from 'vitest';
import { missingListPath, ticketLinkPath } from '../../../src/domain/ticket-link';
import { readLinkLanguage, readTicketLink } from '../../../src/domain/ticket-link-read';

const KK = { id: '0190f5e0-0000-7000-8000-000000000001', number: 'A-003', serviceId: 'kk' };
const BPJS = { id: '0190f5e0-0000-7000-8000-000000000002', number: 'E-001', serviceId: 'bpjs' };

describe('ticket link', () => {
  it('opens the first ticket’s page and carries each later step for a counter', () => {
    const path = ticketLinkPath({ ...KK, businessDay: '2026-12-04' }, [BPJS]);

    expect(path).toBe(`/t/${KK.id}#n=A-003&s=kk&d=2026-12-04&t=${BPJS.id}&n=E-001&s=bpjs`);
    expect(readTicketLink(`https://mpp.test${path}`)).toEqual({
      tickets: [KK, BPJS],
      businessDay: '2026-12-04',
    });
  });

  it('reads a single ticket’s link, an upper-case scan, and refuses what is not a ticket link', () => {
    const single = `https://mpp.test${ticketLinkPath({ ...KK, businessDay: '2026-12-04' })}`;
    expect(readTicketLink(single)?.tickets).toEqual([KK]);
    expect(readTicketLink(single.toUpperCase())?.tickets.map((t) => t.id)).toEqual([KK.id]);
    expect(readTicketLink(`/t/${KK.id}`)).toEqual({
      tickets: [{ ...KK, number: '', serviceId: '' }],
      businessDay: null,
    });
    expect(readTicketLink(`/t/${KK.id}#d=2026-13&t=not-a-ticket`)).toEqual({
      tickets: [{ ...KK, number: '', serviceId: '' }],
      businessDay: null,
    });
    expect(readTicketLink('A-003')).toBeNull();
    expect(readTicketLink('/t/0190f5e0-zzzz-7000-8000-000000000001')).toBeNull();
  });

  it('names a ticket taken in English last (l=en), an Indonesian one not at all', () => {
    const english = ticketLinkPath({ ...KK, businessDay: '2026-12-04' }, [BPJS], 'en');
    const indonesian = ticketLinkPath({ ...KK, businessDay: '2026-12-04' }, [], 'id');

    expect(english).toBe(`/t/${KK.id}#n=A-003&s=kk&d=2026-12-04&t=${BPJS.id}&n=E-001&s=bpjs&l=en`);
    expect(indonesian).toBe(`/t/${KK.id}#n=A-003&s=kk&d=2026-12-04`);
    expect(readTicketLink(`https://mpp.test${english}`)?.tickets).toEqual([KK, BPJS]);
    expect(readLinkLanguage(`https://mpp.test${english}`)).toBe('en');
    expect(readLinkLanguage(`https://mpp.test${indonesian}`)).toBeNull();
    expect(readLinkLanguage(`/t/${KK.id}`)).toBeNull();
    expect(readLinkLanguage(`/t/${KK.id}#l=fr`)).toBeNull();
  });

  it('opens the list of what is missing in the citizen’s language', () => {
    expect(missingListPath('kk', ['akta nikah', 'ktp'], 'en')).toBe(
      '/s/kk?kurang=akta%20nikah,ktp&l=en',
    );
    expect(missingListPath('kk', ['ktp'], 'id')).toBe('/s/kk?kurang=ktp');
  });
});
