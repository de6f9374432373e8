/**
 * A service's prerequisites at other agencies in the catalogue editor ("sebelum ke layanan
 * ini, pastikan…"): the agency, perhaps one of its services, the message, and perhaps a
 * condition (one answer to one of the service's questions).
 */
import type { Agency, Prerequisite, Question } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import { removeAt, replaceAt } from './agency-draft';
import { ListButton, TextPair } from './editor-fields';
import { ConditionField } from './RequirementList';
import { type AdminLanguage, at } from './text';

export function PrerequisiteList(props: {
  lang: AdminLanguage;
  value: Prerequisite[] | undefined;
  /** The site's agencies (as published) a prerequisite may name. */
  agencies: readonly Agency[];
  questions: readonly Question[];
  onChange: (next: Prerequisite[] | undefined) => void;
}) {
  const { lang, agencies } = props;
  const list = props.value ?? [];
  const set = (next: Prerequisite[]) => props.onChange(next.length === 0 ? undefined : next);
  return (
    <fieldset class="admin-part">
      <legend>{at(lang, 'ed.prerequisites')}</legend>
      {list.map((pre, i) => {
        const n = i + 1;
        const change = (patch: Partial<Prerequisite>) => {
          const next = { ...pre, ...patch };
          if (next.service === undefined) delete next.service;
          if (next.when === undefined) delete next.when;
          set(replaceAt(list, i, next));
        };
        const services = agencies.find((a) => a.id === pre.agency)?.services ?? [];
        return (
          <fieldset key={i} class="admin-item">
            <legend>{at(lang, 'ed.prerequisite', { n })}</legend>
            <div class="admin-row">
              <label>
                {at(lang, 'ed.agency')}
                <select
                  value={pre.agency}
                  onChange={(e) => change({ agency: e.currentTarget.value, service: undefined })}
                >
                  {!agencies.some((a) => a.id === pre.agency) && (
                    <option value={pre.agency}>{pre.agency}</option>
                  )}
                  {agencies.map((a) => (
                    <option key={a.id} value={a.id}>
                      {localized(a.shortName, lang)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {at(lang, 'ed.preService')}
                <select
                  value={pre.service ?? ''}
                  onChange={(e) => change({ service: e.currentTarget.value || undefined })}
                >
                  <option value="">{at(lang, 'ed.anyService')}</option>
                  {pre.service && !services.some((s) => s.id === pre.service) && (
                    <option value={pre.service}>{pre.service}</option>
                  )}
                  {services.map((s) => (
                    <option key={s.id} value={s.id}>
                      {localized(s.name, lang)}
                    </option>
                  ))}
                </select>
              </label>
              <ConditionField
                lang={lang}
                questions={props.questions}
                value={pre.when}
                onChange={(when) => change({ when })}
              />
            </div>
            <TextPair
              lang={lang}
              label={at(lang, 'ed.preNote')}
              value={pre.note}
              onChange={(note) => change({ note })}
            />
            <ListButton
              kind="remove"
              label={at(lang, 'ed.removePrerequisite', { n })}
              onClick={() => set(removeAt(list, i))}
            />
          </fieldset>
        );
      })}
      <ListButton
        kind="add"
        label={at(lang, 'ed.addPrerequisite')}
        onClick={() => set([...list, { agency: agencies[0]?.id ?? '', note: { id: '' } }])}
      />
    </fieldset>
  );
}
