/**
 * How an agency file marks a part of a service's standar pelayanan not recorded yet
 * (./unrecorded.ts reads it). Alone in its module: the kiosk's first chunk tells an
 * unrecorded requirement list by it, and carries nothing else of the config for that.
 */
export const UNRECORDED = 'belum-dicatat';
