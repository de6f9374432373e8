/**
 * The agency itself in the catalogue editor: its code (a new one's only), names, queue
 * prefix and colour, where its counters are and how many, its opening hours, its complaint
 * channels and its online ones.
 */
import type { LocalText } from '../../domain/config/schema';
import type { AgencyDraft } from './agency-draft';
import { ComplaintFields } from './ComplaintFields';
import { NumberField, TextField, TextPair } from './editor-fields';
import { HoursFields } from './HoursFields';
import { OnlineChannelFields } from './OnlineChannelFields';
import { type AdminLanguage, at } from './text';

/** The zone as the config keeps it: plain words, or both languages; none when empty. */
function zoneOf(text: LocalText): AgencyDraft['zone'] {
  if (text.en !== undefined) return text;
  return text.id === '' ? undefined : text.id;
}

export function AgencyFields(props: {
  lang: AdminLanguage;
  value: AgencyDraft;
  isNew: boolean;
  onChange: (patch: Partial<AgencyDraft>) => void;
}) {
  const { lang, value, onChange } = props;
  const zone = typeof value.zone === 'string' ? { id: value.zone } : value.zone;
  return (
    <fieldset class="admin-form">
      <legend>{at(lang, 'ed.agency')}</legend>
      {props.isNew && (
        <TextField
          label={at(lang, 'ed.id')}
          value={value.id}
          note={at(lang, 'ed.idNote')}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          onChange={(id) => onChange({ id })}
        />
      )}
      <TextPair
        lang={lang}
        label={at(lang, 'ed.name')}
        value={value.name}
        onChange={(name) => onChange({ name })}
      />
      <TextPair
        lang={lang}
        label={at(lang, 'ed.shortName')}
        value={value.shortName}
        onChange={(shortName) => onChange({ shortName })}
      />
      <TextPair
        lang={lang}
        label={at(lang, 'ed.zone')}
        value={zone}
        onChange={(next) => onChange({ zone: zoneOf(next) })}
      />
      <div class="admin-row">
        <TextField
          label={at(lang, 'ed.prefix')}
          value={value.prefix}
          onChange={(prefix) => onChange({ prefix: prefix.toUpperCase() })}
        />
        <label>
          {at(lang, 'ed.colour')}
          <input
            type="color"
            value={value.colour}
            onInput={(e) => onChange({ colour: e.currentTarget.value })}
          />
        </label>
        <NumberField
          label={at(lang, 'ed.counters')}
          value={value.counters}
          min={1}
          onChange={(counters) => onChange({ counters })}
        />
      </div>
      <HoursFields
        lang={lang}
        value={value.openingHours}
        onChange={(openingHours) => onChange({ openingHours })}
      />
      <ComplaintFields
        lang={lang}
        legend={at(lang, 'ed.complaints')}
        value={value.complaints}
        onChange={(complaints) => onChange({ complaints: complaints ?? [] })}
      />
      <OnlineChannelFields
        lang={lang}
        note={at(lang, 'ed.onlineNote')}
        value={value.onlineChannels}
        onChange={(onlineChannels) => onChange({ onlineChannels })}
      />
    </fieldset>
  );
}
