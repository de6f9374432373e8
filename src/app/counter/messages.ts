/**
 * What a counter tells its staff, in Indonesian and English: what it refuses before
 * recording (the signed-in person acts only on tickets of their agencies — the server
 * quarantines any other action, src/domain/trust.ts, so the counter never records one),
 * what the server held back, why a sign-in failed, and what became of a call.
 */
import type { ActionConflict, TicketView } from '../../domain/queue';
import type { StaffVerifier } from '../../domain/staff';
import type { Message } from '../../ui/counter/view';
import type { SignInResult } from './sign-in';

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

/** Why a sign-in failed. */
export function signInRefusal(result: Exclude<SignInResult, { ok: true }>): Message {
  if (result.reason === 'wrong') {
    return {
      id: `PIN salah. Sisa percobaan: ${result.triesLeft}.`,
      en: `Wrong PIN. Tries left: ${result.triesLeft}.`,
      tone: 'warn',
    };
  }
  if (result.reason === 'locked') {
    const m = Math.ceil(result.retryAfterMs / 60_000);
    return {
      id: `Terlalu banyak PIN salah. Coba lagi dalam ${m} menit.`,
      en: `Too many wrong PINs. Try again in ${m} minutes.`,
      tone: 'danger',
    };
  }
  if (result.reason === 'blocked') {
    return {
      id: 'Akun ini dikunci oleh admin.',
      en: 'An admin has locked this account.',
      tone: 'danger',
    };
  }
  return {
    id: 'Belum ada PIN. Pilih “Masuk pertama kali”.',
    en: 'No PIN yet. Choose “First sign-in”.',
    tone: 'warn',
  };
}

/** A refused action of this counter: where the ticket is, and what to tell the citizen. */
export function conflictNotice(conflict: ActionConflict, number: string): Message {
  return conflict.heldAt
    ? {
        id: `Nomor ${number} sudah dipanggil di loket ${conflict.heldAt}. Mohon minta warga menunggu panggilan di sana.`,
        en: `Number ${number} was already called at counter ${conflict.heldAt}. Please ask the citizen to wait there.`,
        tone: 'warn',
      }
    : {
        id: `Nomor ${number} sudah ditangani loket lain. Mohon minta warga menunggu.`,
        en: `Number ${number} is handled by another counter. Please ask the citizen to wait.`,
        tone: 'warn',
      };
}

/** What the counter says of its own work. */
export const NOTICES = {
  logUnreadable: {
    id: 'Log perangkat tidak terbaca.',
    en: 'The device log cannot be read.',
    tone: 'danger',
  },
  notStored: {
    id: 'Tindakan tidak tersimpan: penyimpanan perangkat bermasalah.',
    en: 'The action was not stored: the device storage failed.',
    tone: 'danger',
  },
  nobodyWaiting: { id: 'Tidak ada yang menunggu.', en: 'Nobody is waiting.', tone: 'info' },
} as const satisfies Record<string, Message>;

/** A number to call out of order that today's queue does not have. */
export function notFound(query: string): Message {
  return {
    id: `Nomor ${query} tidak ditemukan di antrean hari ini.`,
    en: `Number ${query} is not in today’s queue.`,
    tone: 'warn',
  };
}

/** A number to call out of order that was called or served already. */
export function taken(number: string): Message {
  return {
    id: `Nomor ${number} sudah dipanggil atau selesai dilayani.`,
    en: `Number ${number} has been called or served already.`,
    tone: 'warn',
  };
}

/** A number called before its ticket reached this counter. */
export function calledUnseen(number: string): Message {
  return {
    id: `Nomor ${number} belum ada di antrean loket ini (kios terputus?). Dipanggil dengan nomornya; dicocokkan saat tiketnya tiba.`,
    en: `Number ${number} is not in this counter’s queue yet (kiosk cut off?). Called by its number; matched when its ticket arrives.`,
    tone: 'info',
  };
}
