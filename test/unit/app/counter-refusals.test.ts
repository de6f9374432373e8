import { describe, expect, it } from 'vitest';
import { agencyRefusal, quarantineNotice } from '../../../src/app/counter/refusals';
import type { TicketView } from '../../../src/domain/queue';
import type { StaffVerifier } from '../../../src/domain/staff';

const me: StaffVerifier = {
  staffId: 's1',
  name: 'Sari',
  role: 'petugas',
  agencies: ['disdukcapil'],
  pin: null,
  locked: false,
  version: 1,
};
const ticket = (agencyId: string) => ({ number: 'D-004', agencyId }) as TicketView;

describe('a counter refuses what the server would quarantine', () => {
  it('lets a person act on a ticket of their agency, and on one the replica has not seen', () => {
    expect(agencyRefusal(ticket('disdukcapil'), me)).toBeNull();
    expect(agencyRefusal(undefined, me)).toBeNull();
  });

  it('refuses a ticket now of another agency, saying so in Indonesian and English', () => {
    expect(agencyRefusal(ticket('imigrasi'), me)).toEqual({
      id: 'Nomor D-004 dilayani instansi lain; Anda tidak dapat menanganinya di sini.',
      en: 'Number D-004 is served by another agency; you cannot handle it here.',
      tone: 'warn',
    });
  });

  it('tells staff how many actions the server held back', () => {
    expect(quarantineNotice(2)).toMatchObject({ tone: 'danger' });
    expect(quarantineNotice(2).id).toContain('menahan 2 tindakan');
    expect(quarantineNotice(2).en).toContain('held back 2 actions');
  });
});
