/**
 * What a counter refuses before recording, and what it says when the server kept its actions
 * from everyone: the signed-in person acts only on tickets of their agencies — the server
 * quarantines any other action (src/domain/trust.ts), so the counter never records one.
 */
import type { TicketView } from '../../domain/queue';
import type { StaffVerifier } from '../../domain/staff';
import type { Message } from '../../ui/counter/view';

/**
 * Why `me` may not act on the ticket (it is now of another agency); null when they may — also
 * for a ticket this replica has not seen (scanned from its QR): the server accepts that too.
 */
export function agencyRefusal(ticket: TicketView | undefined, me: StaffVerifier): Message | null {
  if (ticket === undefined || me.agencies.includes(ticket.agencyId)) return null;
  return {
    id: `Nomor ${ticket.number} dilayani instansi lain; Anda tidak dapat menanganinya di sini.`,
    en: `Number ${ticket.number} is served by another agency; you cannot handle it here.`,
    tone: 'warn',
  };
}

/** What staff are told when the server quarantined `count` more of this counter's events. */
export function quarantineNotice(count: number): Message {
  return {
    id:
      `Server menahan ${count} tindakan loket ini: petugas atau instansinya tidak cocok ` +
      'dengan data server, sehingga tidak tampil di perangkat lain. Hubungi admin.',
    en:
      `The server held back ${count} actions of this counter: the person or agency does not ` +
      'match its records, so no other device shows them. Ask an admin.',
    tone: 'danger',
  };
}
