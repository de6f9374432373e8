/**
 * "Masih di sini?": shown over the current screen after a quiet spell, with a visible
 * countdown to the reset (the machine owns the real timer; this one only displays it).
 */
// Its texts come with it (never on the way to a ticket).
import '../../../domain/i18n/strings-rare';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button/Button';
import { useDialogFocus } from '../../components/Dialog/dialog-focus';
import { useKiosk, useSend, useText } from '../runtime';

/** The idle warning dialog. */
export function IdleWarning() {
  const tr = useText();
  const send = useSend();
  const total = useKiosk((s) => s.context.profile.idle.resetAfterSeconds);
  const [left, setLeft] = useState(total);
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog);
  useEffect(() => {
    button.current?.focus();
    const timer = setInterval(() => setLeft((n) => Math.max(0, n - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  const extend = () => send({ type: 'idle.extend' });
  return (
    <div class="overlay">
      <div
        ref={dialog}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-countdown"
      >
        <h2 id="idle-title" class="dialog-title">
          {tr('idle.title')}
        </h2>
        <p id="idle-countdown" class="lead" aria-live="off">
          {tr('idle.countdown', { seconds: left })}
        </p>
        <Button variant="primary" ref={button} onClick={extend}>
          {tr('idle.extend')}
        </Button>
      </div>
    </div>
  );
}
