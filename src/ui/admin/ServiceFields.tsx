/**
 * One service in the catalogue editor, folded under its name: its names, where and how much
 * it is offered, the six parts of its standar pelayanan (requirements, procedure, time,
 * cost, product, complaints), its prerequisites elsewhere, and the issues the last check
 * found in it.
 */
import type { Agency } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import type { ServiceDraft } from './agency-draft';
import { ComplaintFields } from './ComplaintFields';
import { Check, ListButton, NumberField, TextField, TextPair } from './editor-fields';
import { OnlineChannelFields } from './OnlineChannelFields';
import { PrerequisiteList } from './PrerequisiteList';
import { QuestionList, RequirementList } from './RequirementList';
import { ServiceParts } from './ServiceParts';
import { type AdminLanguage, at } from './text';

export function ServiceFields(props: {
  lang: AdminLanguage;
  index: number;
  value: ServiceDraft;
  /** A service not published yet: its code may still change. */
  isNew: boolean;
  agencies: readonly Agency[];
  /** What the last check found in this service. */
  issues: readonly { path: string; message: string }[];
  onChange: (next: ServiceDraft) => void;
  onRemove: () => void;
}) {
  const { lang, value, index } = props;
  const change = (patch: Partial<ServiceDraft>) => {
    const next = { ...value, ...patch };
    for (const key of Object.keys(patch) as (keyof ServiceDraft)[]) {
      if (next[key] === undefined) delete next[key];
    }
    props.onChange(next);
  };
  const name = localized(value.name, lang) || value.id || at(lang, 'ed.newService');
  const summary = `admin-service-${index}`;
  const offered = (place: 'lobby' | 'mobile', on: boolean) =>
    change({
      offeredAt: (['lobby', 'mobile'] as const).filter((p) =>
        p === place ? on : value.offeredAt.includes(p),
      ),
    });
  return (
    <details class="admin-service admin-item" open={props.isNew || props.issues.length > 0}>
      <summary id={summary}>{name}</summary>
      <fieldset aria-labelledby={summary} class="admin-service-body admin-form">
        {props.issues.length > 0 && (
          <div class="admin-refusal">
            <p>{at(lang, 'ed.serviceIssues')}</p>
            <ul>
              {props.issues.map((issue, i) => (
                <li key={`${issue.path}#${i}`}>
                  <code>{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <TextPair
          lang={lang}
          label={at(lang, 'ed.name')}
          value={value.name}
          onChange={(n) => change({ name: n })}
        />
        <div class="admin-row">
          {props.isNew && (
            <TextField
              label={at(lang, 'ed.serviceId')}
              value={value.id}
              note={at(lang, 'ed.idNote')}
              onChange={(id) => change({ id })}
            />
          )}
          <NumberField
            label={at(lang, 'ed.minutes')}
            value={value.averageServiceMinutes}
            min={1}
            onChange={(averageServiceMinutes) => change({ averageServiceMinutes })}
          />
          <NumberField
            label={at(lang, 'ed.quota')}
            value={value.dailyQuota}
            min={1}
            note={at(lang, 'ed.quotaNote')}
            onChange={(dailyQuota) => change({ dailyQuota })}
          />
        </div>
        <fieldset class="admin-checks">
          <legend>{at(lang, 'ed.offeredAt')}</legend>
          <Check
            label={at(lang, 'ed.offered.lobby')}
            checked={value.offeredAt.includes('lobby')}
            onChange={(on) => offered('lobby', on)}
          />
          <Check
            label={at(lang, 'ed.offered.mobile')}
            checked={value.offeredAt.includes('mobile')}
            onChange={(on) => offered('mobile', on)}
          />
          <Check
            label={at(lang, 'ed.available')}
            checked={value.available !== false}
            onChange={(on) => change({ available: on ? undefined : false })}
          />
        </fieldset>
        <TextField
          label={at(lang, 'ed.legalBasis')}
          value={value.legalBasis}
          onChange={(legalBasis) => change({ legalBasis: legalBasis || undefined })}
        />
        <QuestionList
          lang={lang}
          value={value.questions}
          onChange={(questions) => change({ questions })}
        />
        <RequirementList
          lang={lang}
          value={value.requirements}
          questions={value.questions ?? []}
          onChange={(requirements) => change({ requirements })}
        />
        <ServiceParts lang={lang} value={value} onChange={change} />
        <ComplaintFields
          lang={lang}
          legend={at(lang, 'ed.complaints')}
          note={at(lang, 'ed.serviceComplaintsNote')}
          value={value.complaints}
          onChange={(complaints) => change({ complaints })}
        />
        <OnlineChannelFields
          lang={lang}
          note={at(lang, 'ed.serviceOnlineNote')}
          value={value.onlineChannels}
          onChange={(onlineChannels) => change({ onlineChannels })}
        />
        <PrerequisiteList
          lang={lang}
          value={value.prerequisites}
          agencies={props.agencies}
          questions={value.questions ?? []}
          onChange={(prerequisites) => change({ prerequisites })}
        />
        <ListButton
          kind="remove"
          label={at(lang, 'ed.removeService', { service: name })}
          onClick={props.onRemove}
        />
      </fieldset>
    </details>
  );
}
