/**
 * "belum-dicatat" in an agency file: the parts of a service's standar pelayanan that may be
 * left unrecorded (cost, duration, product, procedure, requirements), read as the honest words the kiosk
 * shows ("Belum dicatat — tanyakan di loket"), each listed as a warning, not an error.
 */
import { type ConfigIssue, configIssue, jsonPath, sortIssues } from './issues';
import { UNRECORDED, UNRECORDED_TEXT } from './schema';

/** What each part becomes when unrecorded. */
const READ_AS: Record<string, () => unknown> = {
  cost: () => ({ kind: 'variable', note: { ...UNRECORDED_TEXT }, legalBasis: UNRECORDED_TEXT.id }),
  duration: () => ({ ...UNRECORDED_TEXT }),
  product: () => ({ ...UNRECORDED_TEXT }),
  procedure: () => [{ ...UNRECORDED_TEXT }],
  // One requirement that says so; the checklist asks nothing of it (../requirements.ts).
  requirements: () => [{ id: UNRECORDED, label: { ...UNRECORDED_TEXT }, mandatory: false }],
};

/**
 * The agency file's content with its unrecorded parts read as their words (the content
 * itself untouched), and a warning for each. Anything else is left for the schema.
 */
export function readUnrecorded(
  file: string,
  content: unknown,
): { content: unknown; warnings: ConfigIssue[] } {
  const warnings: ConfigIssue[] = [];
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    return { content, warnings };
  }
  const services = (content as { services?: unknown }).services;
  if (!Array.isArray(services)) return { content, warnings };
  const read = services.map((service, i) => {
    if (typeof service !== 'object' || service === null || Array.isArray(service)) return service;
    const copy: Record<string, unknown> = { ...service };
    for (const [part, words] of Object.entries(READ_AS)) {
      if (copy[part] !== UNRECORDED) continue;
      copy[part] = words();
      warnings.push(configIssue(file, jsonPath('services', i, part), 'belum dicatat'));
    }
    return copy;
  });
  return { content: { ...content, services: read }, warnings };
}

/** The unrecorded parts of a bundle's services (their words in place), as warnings. */
export function unrecordedIn(agencies: readonly { id: string; services: readonly object[] }[]) {
  const warnings: ConfigIssue[] = [];
  for (const agency of agencies) {
    agency.services.forEach((service, i) => {
      for (const part of Object.keys(READ_AS)) {
        const value = (service as Record<string, unknown>)[part];
        const text = Array.isArray(value) && value.length === 1 ? value[0] : value;
        const words = text as { note?: unknown; label?: unknown } | undefined;
        const note = words?.note ?? words?.label ?? text;
        if ((note as { id?: unknown } | undefined)?.id === UNRECORDED_TEXT.id) {
          warnings.push(
            configIssue(
              `agencies/${agency.id}.json`,
              jsonPath('services', i, part),
              'belum dicatat',
            ),
          );
        }
      }
    });
  }
  return sortIssues(warnings);
}
