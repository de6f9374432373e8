/** Opening hours as rules in the catalogue editor: on these days, from–to; none means the MPP's. */
import type { HoursRule, OpeningHours } from '../../domain/config/schema';
import { dayName } from '../../domain/format';
import { WEEKDAYS } from '../../domain/time';
import { removeAt, replaceAt } from './agency-draft';
import { Check, ListButton } from './editor-fields';
import { type AdminLanguage, at } from './text';

export function HoursFields(props: {
  lang: AdminLanguage;
  value: OpeningHours | undefined;
  onChange: (next: OpeningHours | undefined) => void;
}) {
  const { lang } = props;
  const rules = props.value ?? [];
  const set = (next: HoursRule[]) => props.onChange(next.length === 0 ? undefined : next);
  return (
    <fieldset>
      <legend>{at(lang, 'ed.hours')}</legend>
      {rules.length === 0 && <p>{at(lang, 'ed.hoursNone')}</p>}
      {rules.map((rule, i) => {
        const n = i + 1;
        const change = (patch: Partial<HoursRule>) =>
          set(replaceAt(rules, i, { ...rule, ...patch }));
        return (
          <fieldset key={i} class="admin-item">
            <legend>{at(lang, 'ed.rule', { n })}</legend>
            <fieldset class="admin-checks">
              <legend>{at(lang, 'ed.days')}</legend>
              {WEEKDAYS.map((day) => (
                <Check
                  key={day}
                  label={dayName(day, lang)}
                  checked={rule.days.includes(day)}
                  onChange={(on) =>
                    change({
                      days: WEEKDAYS.filter((d) => (d === day ? on : rule.days.includes(d))),
                    })
                  }
                />
              ))}
            </fieldset>
            <div class="admin-row">
              <label>
                {at(lang, 'ed.from')}
                <input
                  type="time"
                  value={rule.from}
                  onInput={(e) => change({ from: e.currentTarget.value })}
                />
              </label>
              <label>
                {at(lang, 'ed.to')}
                <input
                  type="time"
                  value={rule.to}
                  onInput={(e) => change({ to: e.currentTarget.value })}
                />
              </label>
              <ListButton
                kind="remove"
                label={at(lang, 'ed.removeRule', { n })}
                onClick={() => set(removeAt(rules, i))}
              />
            </div>
          </fieldset>
        );
      })}
      <ListButton
        kind="add"
        label={at(lang, 'ed.addRule')}
        onClick={() =>
          set([...rules, { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '15:00' }])
        }
      />
    </fieldset>
  );
}
