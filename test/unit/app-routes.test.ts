import { describe, expect, it } from 'vitest';
import { routeOf } from '../../src/app/routes';

describe('routeOf', () => {
  it('maps each surface path and rejects anything else', () => {
    const id = '0190f5e0-0000-7000-8000-000000000001';
    expect(routeOf('/')).toEqual({ surface: 'kiosk' });
    expect(routeOf('/kiosk/')).toEqual({ surface: 'kiosk' });
    expect(routeOf(`/t/${id}`)).toEqual({ surface: 'ticket-status', ticketId: id });
    expect(routeOf('/s/imigrasi-paspor-baru', '?kurang=ktp-el,kk')).toEqual({
      surface: 'service-info',
      serviceId: 'imigrasi-paspor-baru',
      missing: ['ktp-el', 'kk'],
    });
    expect(routeOf('/t/not-a-ticket')).toEqual({ surface: 'not-found' });
    expect(routeOf('/admin/../kiosk')).toEqual({ surface: 'not-found' });
  });
});
