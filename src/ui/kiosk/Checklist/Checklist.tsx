/**
 * "Apakah Anda membawa dokumen berikut?": Ada / Belum ada for every requirement that
 * applies after the questions; "Lanjut" once every one is answered.
 */
import { useMemo } from 'preact/hooks';
import { localized } from '../../../domain/i18n/local-text';
import { checkRequirements } from '../../../domain/requirements';
import { currentService } from '../../../machines/kiosk.selectors';
import { Button } from '../../components/Button/Button';
import { Screen } from '../../components/Screen/Screen';
import { useKiosk, useSend, useText } from '../runtime';
import { RequirementGroup } from './RequirementGroup';

/** The requirement checklist of the chosen service. */
export function Checklist() {
  const tr = useText();
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const service = currentService(ctx);
  const check = useMemo(
    () => (service ? checkRequirements(service, ctx.answers) : null),
    [service, ctx.answers],
  );
  if (!service || !check) return null;
  const total = check.applicable.length;
  const done = total - check.unanswered.length;
  return (
    <Screen
      title={tr('checklist.title')}
      kicker={localized(service.name, ctx.lang)}
      actions={
        <>
          <p class="progress" aria-live="polite">
            {tr('checklist.progress', { done, total })}
          </p>
          <Button
            variant="primary"
            disabled={!check.complete}
            onClick={() => send({ type: 'requirements.done' })}
          >
            {tr('checklist.next')}
          </Button>
        </>
      }
    >
      <div class="checks">
        {check.applicable.map((requirement) => (
          <RequirementGroup
            key={requirement.id}
            requirement={requirement}
            marks={ctx.answers.marks}
            lang={ctx.lang}
          />
        ))}
      </div>
    </Screen>
  );
}
