/**
 * Rule 8: when the site offers English, every citizen-facing text of the site and its
 * agencies has `en`. The texts are found by walking the schema beside the data, so a
 * LocalText added to the schema later is covered without touching this rule (a zone given
 * as one too). Texts that may also be plain Indonesian (a zone, a complaints desk) are
 * listed by englishGaps() as warnings: config:check names them, nothing refuses them.
 */
import type { ConfigSet } from './config-set';
import { type ConfigIssue, configIssue, jsonPath, type PathSegment } from './issues';
import { type Agency, AgencySchema, LocalTextSchema, SiteSchema } from './schema';

/** The parts of a valibot schema the walk reads (strict_object, optional, array, variant). */
type SchemaNode = {
  type: string;
  wrapped?: unknown;
  item?: unknown;
  entries?: Record<string, unknown>;
  key?: string;
  options?: readonly SchemaNode[];
  literal?: unknown;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function variantOption(node: SchemaNode, value: Record<string, unknown>): SchemaNode | undefined {
  const key = node.key ?? '';
  return node.options?.find((option) => {
    const discriminator = option.entries?.[key] as SchemaNode | undefined;
    return discriminator?.literal === value[key];
  });
}

/** Paths (as segments) of every LocalText under `value` that has no `en`. */
function textsWithoutEnglish(schema: unknown, value: unknown, at: PathSegment[]): PathSegment[][] {
  if (schema === LocalTextSchema) return isRecord(value) && value.en === undefined ? [at] : [];
  const node = schema as SchemaNode;
  if (node.type === 'optional') return textsWithoutEnglish(node.wrapped, value, at);
  if (node.type === 'array' && Array.isArray(value)) {
    return value.flatMap((item, i) => textsWithoutEnglish(node.item, item, [...at, i]));
  }
  if (!isRecord(value)) return [];
  // A text that is a string or a LocalText (a zone): as a LocalText, it is one.
  if (node.type === 'union') {
    const text = node.options?.some((option) => option === LocalTextSchema);
    return text ? textsWithoutEnglish(LocalTextSchema, value, at) : [];
  }
  if (node.type === 'variant') {
    const option = variantOption(node, value);
    return option ? textsWithoutEnglish(option, value, at) : [];
  }
  return Object.entries(node.entries ?? {}).flatMap(([key, entry]) =>
    textsWithoutEnglish(entry, value[key], [...at, key]),
  );
}

const MESSAGE = 'teks bahasa Inggris (en) belum ada, padahal situs memakai bahasa en';

/** Rule 8: with "en" in site.languages, every LocalText in site.json and agencies has `en`. */
export function englishTextsComplete(set: ConfigSet): ConfigIssue[] {
  const site = set.site;
  if (!site?.value.languages.includes('en')) return [];
  const files = [
    { file: site.file, schema: SiteSchema as unknown, value: site.value as unknown },
    ...set.agencies.map((a) => ({ file: a.file, schema: AgencySchema, value: a.value })),
  ];
  return files.flatMap(({ file, schema, value }) =>
    textsWithoutEnglish(schema, value, []).map((at) =>
      configIssue(file, jsonPath(...at, 'en'), MESSAGE),
    ),
  );
}

/** A zone that reads the same in both languages: a bare code ("A", "B2"), worded by the ticket. */
const ZONE_CODE = /^[0-9A-Za-z]{1,4}$/;

const ZONE_MESSAGE =
  'letak loket hanya dalam bahasa Indonesia: tulis { "id": …, "en": … } agar tiket ' +
  'berbahasa Inggris menyebutnya dalam bahasa Inggris';
const DESK_MESSAGE =
  'meja pengaduan hanya dalam bahasa Indonesia: tambahkan "en" agar layar berbahasa ' +
  'Inggris menyebutnya dalam bahasa Inggris';

/**
 * With "en" in site.languages, the citizen-facing texts that may be written in Indonesian
 * only, as warnings: a zone in words rather than a code, a complaints desk without `en`.
 * Not errors: they were valid before they could have English, and a device must not refuse
 * a config over them (the English screen shows the Indonesian meanwhile).
 */
export function englishGaps(set: ConfigSet): ConfigIssue[] {
  if (!set.site?.value.languages.includes('en')) return [];
  return set.agencies.flatMap(({ file, value: agency }) => {
    const gaps: ConfigIssue[] = [];
    if (typeof agency.zone === 'string' && !ZONE_CODE.test(agency.zone)) {
      gaps.push(configIssue(file, jsonPath('zone'), ZONE_MESSAGE));
    }
    const desks = (channels: Agency['complaints'] | undefined, at: PathSegment[]) => {
      for (const [i, channel] of (channels ?? []).entries()) {
        if (channel.kind === 'desk' && channel.en === undefined) {
          gaps.push(configIssue(file, jsonPath(...at, 'complaints', i, 'en'), DESK_MESSAGE));
        }
      }
    };
    desks(agency.complaints, []);
    for (const [i, service] of agency.services.entries())
      desks(service.complaints, ['services', i]);
    return gaps;
  });
}
