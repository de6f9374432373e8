/**
 * The bundle a device receives: every file of a site, sorted by id, with a version.
 * Also maps a bundle back to the files it came from, so a device names the right file.
 */
import { buildConfigSet, type ConfigSet, type Entry, noUnparsed } from './config-set';
import type { PathSegment } from './issues';
import type { ConfigBundle, Site } from './schema';

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Drops the editor's `$schema` hint: devices have no use for it. */
function withoutSchemaRef<T extends { $schema?: string | undefined }>(value: T): T {
  const { $schema: _hint, ...rest } = value;
  return rest as T;
}

function values<T extends { id: string; $schema?: string | undefined }>(
  entries: readonly Entry<T>[],
): T[] {
  return byId(entries.map((entry) => withoutSchemaRef(entry.value)));
}

/** The deterministic bundle of a config set that passed every rule. */
export function toBundle(set: ConfigSet, site: Entry<Site>, version: string): ConfigBundle {
  return {
    version,
    site: withoutSchemaRef(site.value),
    agencies: values(set.agencies),
    profiles: values(set.profiles),
    visits: values(set.visits),
  };
}

const FOLDERS = ['agencies', 'profiles', 'visits'] as const;

/** The file a bundle part came from: `agencies/<id>.json` from the id inside it. */
function fileOf(folder: string, item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || !('id' in item)) return undefined;
  const id = item.id;
  return typeof id === 'string' && /^[a-z0-9-]+$/.test(id) ? `${folder}/${id}.json` : undefined;
}

/** Where an issue at `segments` of a bundle belongs: its file and the path inside it. */
export function locateInBundle(
  input: unknown,
  segments: readonly PathSegment[],
): { file: string; segments: PathSegment[] } {
  const [head, index, ...rest] = segments;
  if (head === 'site') return { file: 'site.json', segments: segments.slice(1) };
  const folder = FOLDERS.find((f) => f === head);
  if (folder && typeof index === 'number' && typeof input === 'object' && input !== null) {
    const items = (input as Record<string, unknown>)[folder];
    const file = Array.isArray(items) ? fileOf(folder, items[index]) : undefined;
    if (file) return { file, segments: rest };
  }
  return { file: 'bundle', segments: [...segments] };
}

/** The config set of a schema-valid bundle, each part named after the file it came from. */
export function bundleConfigSet(bundle: ConfigBundle): ConfigSet {
  const entries = <T extends { id: string }>(folder: string, items: T[]): Entry<T>[] =>
    items.map((value) => ({ file: `${folder}/${value.id}.json`, value }));
  return buildConfigSet({
    site: { file: 'site.json', value: bundle.site },
    agencies: entries('agencies', bundle.agencies),
    profiles: entries('profiles', bundle.profiles),
    visits: entries('visits', bundle.visits),
    unparsed: noUnparsed(),
  });
}
