/** Complaint channels in the catalogue editor: an agency's (at least one), or a service's own. */
import type { ComplaintChannel } from '../../domain/config/schema';
import { removeAt, replaceAt } from './agency-draft';
import { ListButton } from './editor-fields';
import { type AdminLanguage, type AdminTextKey, at } from './text';

const KINDS: readonly ComplaintChannel['kind'][] = [
  'web',
  'whatsapp',
  'phone',
  'email',
  'sms',
  'lapor',
  'desk',
];

export function ComplaintFields(props: {
  lang: AdminLanguage;
  legend: string;
  value: ComplaintChannel[] | undefined;
  onChange: (next: ComplaintChannel[] | undefined) => void;
  note?: string;
}) {
  const { lang } = props;
  const channels = props.value ?? [];
  const set = (next: ComplaintChannel[]) => props.onChange(next.length === 0 ? undefined : next);
  return (
    <fieldset class="admin-part">
      <legend>{props.legend}</legend>
      {props.note && <p class="admin-field-note">{props.note}</p>}
      {channels.map((channel, i) => {
        const n = i + 1;
        const change = (patch: Partial<ComplaintChannel>) =>
          set(replaceAt(channels, i, { ...channel, ...patch }));
        return (
          <fieldset key={i} class="admin-item admin-row">
            <legend>{at(lang, 'ed.channel', { n })}</legend>
            <label>
              {at(lang, 'ed.kind')}
              <select
                value={channel.kind}
                onChange={(e) =>
                  change({ kind: e.currentTarget.value as ComplaintChannel['kind'] })
                }
              >
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {at(lang, `kind.${kind}` as AdminTextKey)}
                  </option>
                ))}
              </select>
            </label>
            <label class="admin-grow">
              {at(lang, 'ed.value')}
              <input
                value={channel.value}
                onInput={(e) => change({ value: e.currentTarget.value })}
              />
            </label>
            <ListButton
              kind="remove"
              label={at(lang, 'ed.removeChannel', { n })}
              onClick={() => set(removeAt(channels, i))}
            />
          </fieldset>
        );
      })}
      <ListButton
        kind="add"
        label={at(lang, 'ed.addChannel')}
        onClick={() => set([...channels, { kind: 'web', value: '' }])}
      />
    </fieldset>
  );
}
