/**
 * Online channels in the catalogue editor (an agency's, or a service's own): where a
 * service can be had without coming, offered by the kiosk when no number can be taken.
 */
import type { OnlineChannel } from '../../domain/config/schema';
import { removeAt, replaceAt } from './agency-draft';
import { ListButton, TextField, TextPair } from './editor-fields';
import { type AdminLanguage, type AdminTextKey, at } from './text';

const KINDS: readonly OnlineChannel['kind'][] = ['app', 'web', 'whatsapp'];

export function OnlineChannelFields(props: {
  lang: AdminLanguage;
  value: OnlineChannel[] | undefined;
  onChange: (next: OnlineChannel[] | undefined) => void;
  note: string;
}) {
  const { lang } = props;
  const channels = props.value ?? [];
  const set = (next: OnlineChannel[]) => props.onChange(next.length === 0 ? undefined : next);
  return (
    <fieldset class="admin-part">
      <legend>{at(lang, 'ed.online')}</legend>
      <p class="admin-field-note">{props.note}</p>
      {channels.map((channel, i) => {
        const n = i + 1;
        const change = (patch: Partial<OnlineChannel>) =>
          set(replaceAt(channels, i, { ...channel, ...patch }));
        return (
          <fieldset key={i} class="admin-item">
            <legend>{at(lang, 'ed.onlineChannel', { n })}</legend>
            <div class="admin-row">
              <label>
                {at(lang, 'ed.kind')}
                <select
                  value={channel.kind}
                  onChange={(e) => change({ kind: e.currentTarget.value as OnlineChannel['kind'] })}
                >
                  {KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {at(lang, `online.${kind}` as AdminTextKey)}
                    </option>
                  ))}
                </select>
              </label>
              <TextField
                label={at(lang, 'ed.onlineAddress')}
                value={channel.address}
                onChange={(address) => change({ address })}
              />
            </div>
            <TextPair
              lang={lang}
              label={at(lang, 'ed.onlineName')}
              value={channel.name}
              onChange={(name) => change({ name })}
            />
            <TextPair
              lang={lang}
              label={at(lang, 'ed.onlineWhat')}
              value={channel.note}
              onChange={(note) => change({ note: note.id === '' && !note.en ? undefined : note })}
            />
            <ListButton
              kind="remove"
              label={at(lang, 'ed.removeOnline', { n })}
              onClick={() => set(removeAt(channels, i))}
            />
          </fieldset>
        );
      })}
      <ListButton
        kind="add"
        label={at(lang, 'ed.addOnline')}
        onClick={() => set([...channels, { kind: 'app', name: { id: '' }, address: '' }])}
      />
    </fieldset>
  );
}
