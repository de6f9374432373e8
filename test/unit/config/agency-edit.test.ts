// @vitest-environment node
/**
 * An agency through the catalogue editor and back: every agency of the sample catalogue,
 * taken into the editor's working copy and sent unchanged, checks clean and changes
 * nothing; a part marked "belum dicatat" becomes the kiosk's words; control characters
 * are named; a new agency is added beside the others.
 */
import { describe, expect, it } from 'vitest';
import { withEditedAgency } from '../../../src/domain/config/agency-edit';
import { configDiff } from '../../../src/domain/config/diff';
import { UNRECORDED, UNRECORDED_TEXT } from '../../../src/domain/config/schema';
import { validateBundle } from '../../../src/domain/config/validate';
import { readConfigDir } from '../../../src/server/config/load-config';
import { agencyOf, draftOf } from '../../../src/ui/admin/agency-draft';

const sample = async () => {
  const result = await readConfigDir('kiosk-config');
  if (!result.ok) throw new Error('the sample config does not pass');
  return result.bundle;
};
const sent = (agency: Record<string, unknown>) =>
  agency as Record<string, unknown> & { id: string };

describe('an agency through the catalogue editor', () => {
  it('changes nothing when every agency of the sample comes back as it went', async () => {
    const config = await sample();

    const diffs = config.agencies.map((agency) => {
      const edited = withEditedAgency(config, sent(agencyOf(draftOf(agency))));
      const checked = validateBundle(edited.input);
      return checked.ok ? configDiff(config, checked.bundle) : checked.issues;
    });

    expect(diffs).toEqual(config.agencies.map(() => []));
  });

  it('reads a part marked "belum dicatat" as the words the kiosk shows', async () => {
    const config = await sample();
    const [source] = config.agencies;
    if (!source) throw new Error('no agency');
    const draft = draftOf(source);
    const [first] = draft.services;
    if (!first) throw new Error('no service');
    first.cost = UNRECORDED;
    first.procedure = UNRECORDED;

    const edited = withEditedAgency(config, sent(agencyOf(draft)));
    const checked = validateBundle(edited.input);

    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    const saved = checked.bundle.agencies.find((a) => a.id === draft.id)?.services[0];
    expect(saved?.procedure).toEqual([UNRECORDED_TEXT]);
    expect(saved?.cost).toEqual({
      kind: 'variable',
      note: UNRECORDED_TEXT,
      legalBasis: UNRECORDED_TEXT.id,
    });
    // And back into the editor, marked again.
    const [agency] = config.agencies;
    if (!agency || !saved) throw new Error('no service saved');
    const again = draftOf({ ...agency, services: [saved] });
    expect(again.services[0]).toMatchObject({ cost: UNRECORDED, procedure: UNRECORDED });
    // Sent back unchanged, that changes nothing.
    const published = checked.bundle;
    const roundTrip = validateBundle(
      withEditedAgency(
        published,
        sent(agencyOf(draftOf(published.agencies.find((a) => a.id === draft.id) ?? source))),
      ).input,
    );
    expect(roundTrip.ok && configDiff(published, roundTrip.bundle)).toEqual([]);
  });

  it('names every text with a control character, and adds a new agency at the end', async () => {
    const config = await sample();
    const agency = {
      ...structuredClone(config.agencies[0]),
      id: 'baru',
      prefix: 'ZZ',
    } as never as {
      id: string;
      name: { id: string };
      services: { name: { id: string } }[];
    };
    agency.name.id = 'Nama\u0000';
    if (agency.services[1]) agency.services[1].name.id = 'Baris\nbaru';

    const edited = withEditedAgency(config, sent(agency));

    expect(edited.issues.map((i) => `${i.file} ${i.path}`)).toEqual([
      'agencies/baru.json $.name.id',
      'agencies/baru.json $.services[1].name.id',
    ]);
    expect(edited.input.agencies.map((a) => a.id)).toEqual([
      ...config.agencies.map((a) => a.id),
      'baru',
    ]);
  });
});
