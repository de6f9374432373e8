/**
 * "Persyaratan": each requirement with Wajib/Tidak wajib, its note, its alternatives
 * ("Salah satu dari:") and, for a conditional one, the question it depends on.
 * Requirements in `missing` are highlighted (the citizen's phone page).
 */
import type { Language, Requirement, Service } from '../../../domain/config/schema';
import { UNRECORDED } from '../../../domain/config/unrecorded-marker';
import { localized } from '../../../domain/i18n/local-text';
import { t } from '../../../domain/i18n/strings';
import { Badge } from '../../components/Badge/Badge';
import { Part } from './Part';

type RequirementsProps = { service: Service; lang: Language; missing?: ReadonlySet<string> };

/** The requirement list of a service. */
export function RequirementsPart({ service, lang, missing }: RequirementsProps) {
  return (
    <Part title={t(lang, 'detail.requirements')}>
      <ul class="reqs">
        {service.requirements.map((r) => (
          <RequirementItem
            key={r.id}
            requirement={r}
            service={service}
            lang={lang}
            missing={missing?.has(r.id) ?? false}
          />
        ))}
      </ul>
    </Part>
  );
}

type ItemProps = { requirement: Requirement; service: Service; lang: Language; missing: boolean };

function RequirementItem({ requirement: r, service, lang, missing }: ItemProps) {
  const question = r.when && service.questions?.find((q) => q.id === r.when?.question);
  return (
    <li class={missing ? 'req req--missing' : 'req'}>
      <span class="req-label">{localized(r.label, lang)}</span>{' '}
      {r.id !== UNRECORDED && (
        <Badge tone={r.mandatory ? 'warn' : 'info'}>
          {t(lang, r.mandatory ? 'detail.mandatory' : 'detail.optional')}
        </Badge>
      )}
      {r.note && <p class="note">{localized(r.note, lang)}</p>}
      {r.anyOf && (
        <>
          <p class="req-anyof">{t(lang, 'detail.anyOf')}</p>
          <ul class="req-options">
            {r.anyOf.map((option) => (
              <li key={option.id}>{localized(option.label, lang)}</li>
            ))}
          </ul>
        </>
      )}
      {r.when && question && (
        <p class="note">
          {t(lang, 'detail.conditional', {
            answer: t(lang, r.when.answer ? 'question.yes' : 'question.no'),
            question: localized(question.text, lang),
          })}
        </p>
      )}
    </li>
  );
}
