/** The "Ada" / "Belum ada" pair for one requirement or one alternative (aria-pressed). */
import type { RequirementMark } from '../../../domain/requirements';
import { Button } from '../../components/Button/Button';
import { useSend, useText } from '../runtime';

/** Two toggle buttons sending requirement.marked with `markKey`. */
export function MarkButtons(props: { markKey: string; mark: RequirementMark | undefined }) {
  const tr = useText();
  const send = useSend();
  const mark = (value: RequirementMark) =>
    send({ type: 'requirement.marked', key: props.markKey, mark: value });
  return (
    <div class="marks">
      <Button
        variant="choice"
        aria-pressed={props.mark === 'present'}
        onClick={() => mark('present')}
      >
        {tr('checklist.present')}
      </Button>
      <Button
        variant="choice"
        aria-pressed={props.mark === 'absent'}
        onClick={() => mark('absent')}
      >
        {tr('checklist.absent')}
      </Button>
    </div>
  );
}
