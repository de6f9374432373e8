/**
 * "Apakah Anda termasuk kelompok prioritas?" Only the category is kept (never a reason or
 * a health detail); staff verify it at the counter (UU 25/2009 Pasal 29).
 */
import type { PriorityCategory } from '../../../domain/events';
import type { StringKey } from '../../../domain/i18n/strings';
import { Button } from '../../components/Button/Button';
import { Screen } from '../../components/Screen/Screen';
import { useSend, useText } from '../runtime';

/**
 * The groups in the order asked. Listed here rather than imported from domain/events,
 * whose valibot schemas would otherwise ride along into the kiosk bundle.
 */
const GROUPS = {
  lansia: 'priority.lansia',
  disabilitas: 'priority.disabilitas',
  hamil: 'priority.hamil',
  balita: 'priority.balita',
} as const satisfies Record<PriorityCategory, StringKey>;
const CATEGORIES = Object.keys(GROUPS) as PriorityCategory[];

/** The priority question. */
export function Priority() {
  const tr = useText();
  const send = useSend();
  return (
    <Screen title={tr('priority.title')}>
      <div class="choices">
        {CATEGORIES.map((category) => (
          <Button
            key={category}
            variant="choice"
            onClick={() => send({ type: 'priority.chosen', category })}
          >
            {tr(GROUPS[category])}
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
