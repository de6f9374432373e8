/**
 * What changed between two config versions, in lines a person can read before restoring
 * one: the site's settings, and each agency, service, device profile and visit added,
 * removed or changed (with the fields that changed).
 */
import type { ConfigBundle } from './schema';

export type ConfigChange = {
  kind: 'added' | 'removed' | 'changed';
  /** 'site', 'agency', 'service', 'profile' or 'visit'. */
  what: 'site' | 'agency' | 'service' | 'profile' | 'visit';
  /** Its id ('' for the site). */
  id: string;
  /** For a change: the fields that differ. */
  fields: string[];
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The top-level fields of `a` and `b` that differ, `skip` left out. */
function changedFields(a: object, b: object, skip: readonly string[] = []): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((k) => !skip.includes(k))
    .filter((k) => !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    .sort();
}

function byId<T extends { id: string }>(
  what: ConfigChange['what'],
  before: readonly T[],
  after: readonly T[],
  skip: readonly string[] = [],
): ConfigChange[] {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const changes: ConfigChange[] = [];
  for (const [id, x] of now) {
    const was = old.get(id);
    if (was === undefined) changes.push({ kind: 'added', what, id, fields: [] });
    else {
      const fields = changedFields(was, x, skip);
      if (fields.length > 0) changes.push({ kind: 'changed', what, id, fields });
    }
  }
  for (const id of old.keys()) {
    if (!now.has(id)) changes.push({ kind: 'removed', what, id, fields: [] });
  }
  return changes;
}

/** The changes from `before` to `after` (the version string itself aside). */
export function configDiff(before: ConfigBundle, after: ConfigBundle): ConfigChange[] {
  const site = changedFields(before.site, after.site);
  const services = (c: ConfigBundle) => c.agencies.flatMap((a) => a.services);
  return [
    ...(site.length > 0
      ? [{ kind: 'changed' as const, what: 'site' as const, id: '', fields: site }]
      : []),
    // An agency's services are listed on their own.
    ...byId('agency', before.agencies, after.agencies, ['services']),
    ...byId('service', services(before), services(after)),
    ...byId('profile', before.profiles, after.profiles),
    ...byId('visit', before.visits, after.visits),
  ];
}
