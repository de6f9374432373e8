/**
 * The kiosk's rarer screens in one chunk (./lazy-screens.ts loads it whole): a missing
 * list, a prerequisite, a spent quota, out of service, the idle warning, and the agency
 * groups of a large catalogue (a small site has none). One file to fetch
 * and one name in the entry, instead of five.
 */
export { GroupedAgencies } from './Agencies/Grouped';
export { IdleWarning } from './IdleWarning/IdleWarning';
export { Missing } from './Missing/Missing';
export { OutOfService } from './OutOfService/OutOfService';
export { Personal } from './Personal/Personal';
export { Prerequisite } from './Prerequisite/Prerequisite';
export { QuotaExhausted } from './QuotaExhausted/QuotaExhausted';
