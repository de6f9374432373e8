/** The English string table (the second language); loaded on demand. */
import type { StringKey } from './strings';
import type { RARE_ID } from './strings-rare';
import type { SPEECH_ID } from './strings-speech';

/** Keys whose English comes with their own chunk (./strings-rare.ts, ./strings-speech.ts). */
type RareKey = keyof typeof RARE_ID | keyof typeof SPEECH_ID;

/** English texts, key for key with the Indonesian table. */
export const STRINGS_EN = {
  'nav.back': 'Back',
  'nav.home': 'Home',
  'nav.toolbar': 'Navigation',
  'display.largeText': 'Large text',
  'language.id': 'Bahasa Indonesia',
  'language.en': 'English',
  'language.choose': 'Choose a language',

  'attract.welcome': 'Welcome to {site}',
  'attract.touch': 'Touch to start',
  'attract.closed': '{site} is closed now',
  'attract.browse': 'See services and requirements',

  'agencies.title': 'Choose an Agency',
  'agencies.search': 'Search agencies or services…',
  'agencies.more': 'Swipe down to see more',

  'availability.quotaExhausted': 'Quota used up',
  'availability.closed': 'Closed',
  'availability.notOffered': 'Not available at this MPP',
  'availability.remaining': 'Remaining today: {count}',

  'services.title': 'Choose a Service',
  'services.duration': 'Processing time: {value}',
  'services.cost': 'Cost: {value}',

  'detail.requirements': 'Requirements',
  'detail.procedure': 'Procedure',
  'detail.duration': 'Processing Time',
  'detail.cost': 'Cost',
  'detail.product': 'Service Product',
  'detail.complaints': 'Complaints',
  'detail.legalBasis': 'Legal Basis',
  'detail.costLegalBasis': 'Legal basis: {value}',
  'detail.otherCosts': 'Other costs (non-PNBP): {value}',
  'detail.mandatory': 'Required',
  'detail.optional': 'Optional',
  'detail.anyOf': 'One of:',
  'detail.conditional': 'Only if you answer “{answer}” to: {question}',
  'detail.start': 'Check Requirements',

  'complaint.web': 'Website',
  'complaint.whatsapp': 'WhatsApp',
  'complaint.phone': 'Phone',
  'complaint.email': 'Email',
  'complaint.sms': 'SMS',
  'complaint.lapor': 'SP4N-LAPOR!',
  'complaint.desk': 'Complaints desk',

  'question.yes': 'Yes',
  'question.no': 'No',

  'checklist.title': 'Do you have these documents with you?',
  'checklist.present': 'I have it',
  'checklist.absent': 'Not yet',
  'checklist.progress': '{done} of {total} answered',
  'checklist.next': 'Continue',

  'priority.title': 'Do you belong to a priority group?',
  'priority.lansia': 'Older person (60 or over)',
  'priority.disabilitas': 'Person with a disability',
  'priority.hamil': 'Pregnant woman',
  'priority.balita': 'With a child under five',
  'priority.none': 'No',
  'priority.note': 'Staff will verify priority',

  'confirm.title': 'Check your choice',
  'confirm.agency': 'Agency',
  'confirm.service': 'Service',
  'confirm.priority': 'Priority',
  'confirm.purpose': 'Purpose',
  'confirm.consultation': 'for a consultation',
  'confirm.submit': 'Take a Queue Number',

  'issuing.status': 'Saving your ticket…',

  'ticket.title': 'Your Queue Number',
  'ticket.zone': 'Zone {zone}',
  'ticket.time': 'at {time}',
  'ticket.peopleAhead': 'People ahead of you: {count}',
  'ticket.wait': 'Estimated wait: {wait}',
  'ticket.prepare': 'Have these ready: {list}',
  'ticket.qr': 'Scan this QR code with your phone',
  'ticket.qrLabel': 'QR code of ticket {number}',
  'ticket.keep': 'Please keep this ticket',
  'ticket.waitCall': 'Please wait to be called',
  'ticket.print': 'Print Ticket',
  'ticket.done': 'Done',
  'ticket.emergency': "This number comes from this kiosk's reserve",
  'ticket.priority': 'Priority service: {category}',
  'ticket.consultation': 'For consultation: requirements incomplete',

  'outOfService.title': 'This kiosk cannot save — please contact staff',

  'boot.loading': 'Loading…',
  'boot.waitingConfig': 'Waiting for the configuration — make sure the site server is running',

  'info.missing': "What you don't have yet",
  'info.notFound': 'Service not found',
  'status.title': 'Ticket Status',
  'status.waiting': 'Waiting to be called',
  'status.unknown':
    'This ticket is not on the server yet. If the kiosk is offline, try again in a while.',
  'status.offline': 'Cannot reach the server. Check your connection.',
  'status.updated': 'Updated at {time}',

  'print.number': 'Queue Number',
} as const satisfies Record<Exclude<StringKey, RareKey>, string>;
