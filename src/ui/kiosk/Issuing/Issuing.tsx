/** While the ticket's event commits: nothing to press, nothing to leave. */
import { useHeadingFocus } from '../../components/Screen/Screen';
import { useText } from '../runtime';

/** "Menyimpan tiket…" as the screen's heading, focused (and so said) like every screen's. */
export function Issuing() {
  const tr = useText();
  const heading = useHeadingFocus();
  return (
    <main class="screen screen--center">
      <div role="status">
        <h1 class="status-text" ref={heading} tabIndex={-1}>
          {tr('issuing.status')}
        </h1>
      </div>
    </main>
  );
}
