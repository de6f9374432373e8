/**
 * The kiosk's rarer screens in one chunk (./lazy-screens.ts loads it whole): a missing
 * list, a prerequisite, a spent quota, out of service, the idle warning, a service or the
 * MPP closed, and the lists to take home on paper. One file to fetch and one name in the
 * entry, instead of one each.
 */

export { ListPaper } from '../print/ListPapers';
export { ClosedNotice } from './Attract/ClosedNotice';
export { IdleWarning } from './IdleWarning/IdleWarning';
export { Missing } from './Missing/Missing';
export { OutOfService } from './OutOfService/OutOfService';
export { Personal } from './Personal/Personal';
export { Prerequisite } from './Prerequisite/Prerequisite';
export { QuotaExhausted } from './QuotaExhausted/QuotaExhausted';
export { Unavailable } from './Unavailable/Unavailable';
