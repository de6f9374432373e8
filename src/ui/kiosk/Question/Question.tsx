/** A conditional requirement's question ("Apakah KTP-el Anda hilang?") with Ya / Tidak. */
import { localized } from '../../../domain/i18n/local-text';
import { currentService, nextQuestion } from '../../../machines/kiosk.selectors';
import { Button } from '../../components/Button/Button';
import { Screen } from '../../components/Screen/Screen';
import { useKiosk, useSend, useText } from '../runtime';

/** The next pending question of the chosen service. */
export function Question() {
  const tr = useText();
  const send = useSend();
  const ctx = useKiosk((s) => s.context);
  const question = nextQuestion(ctx);
  const service = currentService(ctx);
  if (!question) return null;
  const answer = (value: boolean) =>
    send({ type: 'question.answered', questionId: question.id, answer: value });
  return (
    // One screen per question: the next one takes the focus as a new screen does.
    <Screen
      key={question.id}
      title={localized(question.text, ctx.lang)}
      kicker={service ? localized(service.name, ctx.lang) : undefined}
      class="screen--center"
    >
      <div class="choices choices--pair">
        <Button variant="choice" onClick={() => answer(true)}>
          {tr('question.yes')}
        </Button>
        <Button variant="choice" onClick={() => answer(false)}>
          {tr('question.no')}
        </Button>
      </div>
    </Screen>
  );
}
