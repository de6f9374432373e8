/** A journey's steps on the kiosk's ticket screen: both numbers, their order, which is now. */
import type { JourneyLine } from '../../../printing/ticket-layout';
import { useText } from '../runtime';

/** The steps in order, the first (the one to wait for now) framed. */
export function JourneyList(props: { steps: readonly JourneyLine[] }) {
  const tr = useText();
  return (
    <section class="journey" aria-labelledby="journey-title">
      <h2 id="journey-title" class="journey-title">
        {tr('ticket.journeyTitle')}
      </h2>
      <ol class="journey-steps">
        {props.steps.map((step) => (
          <li
            key={step.number}
            class={`journey-step${step.now ? ' journey-step--now' : ''}`}
            aria-current={step.now ? 'step' : undefined}
          >
            <p class="journey-step-head">
              <span>{step.label}</span>
              <strong class="journey-step-number">{step.number}</strong>
              {step.now && <span class="journey-step-now">{step.when}</span>}
            </p>
            <p>{step.place}</p>
            {!step.now && <p class="journey-step-state">{step.when}</p>}
          </li>
        ))}
      </ol>
      <p class="journey-note">{tr('ticket.journeyNote')}</p>
    </section>
  );
}
