/**
 * The kiosk's rarer screens in one chunk (./lazy-screens.ts loads it whole): a missing
 * list, a prerequisite, a spent quota, out of service, the idle warning, a service or the
 * MPP closed, the lists to take home on paper, and what the agency screen adds to the plain
 * grid (groups, the services offered first). One file to fetch and one name in the entry.
 */

export { ListPaper } from '../print/ListPapers';
export { CatalogueHome } from './Agencies/CatalogueHome';
export { ClosedNotice } from './Attract/ClosedNotice';
export { IdleWarning } from './IdleWarning/IdleWarning';
export { Missing } from './Missing/Missing';
export { OutOfService } from './OutOfService/OutOfService';
export { Personal } from './Personal/Personal';
export { Prerequisite } from './Prerequisite/Prerequisite';
export { QuotaExhausted } from './QuotaExhausted/QuotaExhausted';
export { Unavailable } from './Unavailable/Unavailable';
