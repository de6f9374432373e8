/**
 * "Apakah Anda termasuk kelompok prioritas?" Only the category is kept (never a reason or
 * a health detail); staff verify it at the counter (UU 25/2009 Pasal 29).
 */
import { PRIORITY_CATEGORIES } from '../../../domain/events';
import { Button } from '../../components/Button/Button';
import { Screen } from '../../components/Screen/Screen';
import { useSend, useText } from '../runtime';

/** The priority question. */
export function Priority() {
  const tr = useText();
  const send = useSend();
  return (
    <Screen title={tr('priority.title')}>
      <div class="choices">
        {PRIORITY_CATEGORIES.map((category) => (
          <Button
            key={category}
            variant="choice"
            onClick={() => send({ type: 'priority.chosen', category })}
          >
            {tr(`priority.${category}`)}
          </Button>
        ))}
        <Button variant="choice" onClick={() => send({ type: 'priority.chosen', category: null })}>
          {tr('priority.none')}
        </Button>
      </div>
      <p class="note">{tr('priority.note')}</p>
    </Screen>
  );
}
