/**
 * One requirement in the checklist, as a group named by its label (several groups hold
 * buttons named "Ada"). Alternatives get a nested group each, named by the option.
 */
import { useId } from 'preact/hooks';
import type { Language, Requirement } from '../../../domain/config/schema';
import { localized } from '../../../domain/i18n/local-text';
import { t } from '../../../domain/i18n/strings';
import { markKey, type RequirementAnswers } from '../../../domain/requirements';
import { Badge } from '../../components/Badge/Badge';
import { MarkButtons } from './MarkButtons';

type GroupProps = { requirement: Requirement; marks: RequirementAnswers['marks']; lang: Language };

/** A requirement with its Ada / Belum ada buttons. */
export function RequirementGroup({ requirement: r, marks, lang }: GroupProps) {
  const id = useId();
  return (
    <fieldset class="check" aria-labelledby={`${id}-label`}>
      <p class="check-head">
        <span id={`${id}-label`} class="check-label">
          {localized(r.label, lang)}
        </span>{' '}
        <Badge tone={r.mandatory ? 'warn' : 'info'}>
          {t(lang, r.mandatory ? 'detail.mandatory' : 'detail.optional')}
        </Badge>
      </p>
      {r.note && <p class="note">{localized(r.note, lang)}</p>}
      {r.anyOf ? (
        <>
          <p class="req-anyof">{t(lang, 'detail.anyOf')}</p>
          {r.anyOf.map((option) => {
            const key = markKey(r.id, option.id);
            return (
              <fieldset key={key} class="check-option" aria-labelledby={`${id}-${option.id}`}>
                <span id={`${id}-${option.id}`} class="check-label">
                  {localized(option.label, lang)}
                </span>
                <MarkButtons markKey={key} mark={marks[key]} />
              </fieldset>
            );
          })}
        </>
      ) : (
        <MarkButtons markKey={r.id} mark={marks[r.id]} />
      )}
    </fieldset>
  );
}
