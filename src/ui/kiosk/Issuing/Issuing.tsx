/** While the ticket's event commits: nothing to press, nothing to leave. */
import { useText } from '../runtime';

/** "Menyimpan tiket…" as a live status. */
export function Issuing() {
  const tr = useText();
  return (
    <main class="screen screen--center">
      <p role="status" class="status-text">
        {tr('issuing.status')}
      </p>
    </main>
  );
}
