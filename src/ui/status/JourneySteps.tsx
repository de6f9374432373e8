/** The steps of a citizen's visit on the phone page, in order, the current one marked. */
import type { Language } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import type { TicketStatus } from '../../domain/protocol';
import { journeyTitle, nowMark, stepLabel, stepStateWords } from './journey-text';

/** Every step the server holds: number, agency and service, state; `aria-current` on now. */
export function JourneySteps(props: {
  journey: NonNullable<TicketStatus['journey']>;
  lang: Language;
}) {
  const { journey, lang } = props;
  return (
    <section class="journey" aria-labelledby="journey-title">
      <h2 id="journey-title" class="journey-title">
        {journeyTitle(lang)}
      </h2>
      <ol class="journey-steps">
        {journey.steps.map((step) => {
          const now = step.step === journey.current;
          return (
            <li
              key={step.id}
              class={`journey-step journey-step--${step.status}${now ? ' journey-step--now' : ''}`}
              aria-current={now ? 'step' : undefined}
            >
              <p class="journey-step-head">
                <span>{stepLabel(step.step, lang)}</span>
                <strong class="journey-step-number">{step.number}</strong>
                {now && <span class="journey-step-now">{nowMark(lang)}</span>}
              </p>
              <p>
                <strong>{localized(step.agencyName, lang)}</strong> —{' '}
                {localized(step.serviceName, lang)}
              </p>
              <p class="journey-step-state">{stepStateWords(step, lang)}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
