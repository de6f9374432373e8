/** A journey's steps on the kiosk's ticket screen: both numbers, their order, which is now. */
import type { JourneyWords } from '../../../printing/journey-lines';

/**
 * The steps in order, the first (the one to wait for now) framed. Shorter than the paper:
 * the screen's top already names the first step's agency and service, and each later step
 * says when it is called, so the list repeats neither — with large text the QR code and its
 * caption still fit above the bottom bar.
 */
export function JourneyList(props: { journey: JourneyWords }) {
  const { journey } = props;
  return (
    <section class="journey" aria-labelledby="journey-title">
      <h2 id="journey-title" class="journey-title">
        {journey.title}
      </h2>
      <ol class="journey-steps">
        {journey.lines.map((step) => (
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
            {!step.now && <p>{step.place}</p>}
            {!step.now && <p class="journey-step-state">{step.when}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
