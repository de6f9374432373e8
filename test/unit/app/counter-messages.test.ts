import { describe, expect, it } from 'vitest';
import {
  agencyRefusal,
  conflictNotice,
  quarantineNotice,
  signInRefusal,
} from '../../../src/app/counter/messages';
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

describe('what a counter tells staff', () => {
  it('says why a sign-in failed: tries left, the wait in whole minutes, a lock, no PIN yet', () => {
    expect(signInRefusal({ ok: false, reason: 'wrong', triesLeft: 2 }).id).toBe(
      'PIN salah. Sisa percobaan: 2.',
    );
    const locked = signInRefusal({ ok: false, reason: 'locked', retryAfterMs: 61_000 });
    expect(locked).toMatchObject({
      tone: 'danger',
      en: 'Too many wrong PINs. Try again in 2 minutes.',
    });
    expect(signInRefusal({ ok: false, reason: 'blocked' }).tone).toBe('danger');
    expect(signInRefusal({ ok: false, reason: 'no-pin' }).id).toContain('Masuk pertama kali');
  });

  it('tells the losing counter where the ticket was called, or that another counter has it', () => {
    const conflict = {
      eventId: 'e',
      type: 'ticket.called' as const,
      ticketId: 't',
      deviceId: 'counter-2',
      loket: '2',
      status: 'called' as const,
      heldAt: '5',
    };
    expect(conflictNotice(conflict, 'A-012').id).toBe(
      'Nomor A-012 sudah dipanggil di loket 5. Mohon minta warga menunggu panggilan di sana.',
    );
    expect(conflictNotice({ ...conflict, heldAt: null }, 'A-012').en).toBe(
      'Number A-012 is handled by another counter. Please ask the citizen to wait.',
    );
  });
});
