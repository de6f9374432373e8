/**
 * A dialog over the lobby kiosk's attract screen (the booking check-in, the SKM survey):
 * full screen, its heading and the language switch on top, closed by Escape or after
 * `idleMs` without a touch or key; Tab stays inside it, and the focus goes back where it was
 * when it closes. The page behind it is made inert by its opener
 * (src/app/kiosk/attract-doors.ts).
 */
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '../../domain/config/schema';
import { Button } from '../components/Button/Button';
import { useDialogFocus } from '../components/Dialog/dialog-focus';

export function AttractDialog(props: {
  id: string;
  title: string;
  lang: Language;
  /** The site's languages: a second one gives the switch, labelled in that language. */
  languages: readonly Language[];
  switchLabel: string;
  onLanguage: (lang: Language) => void;
  largeText: boolean;
  idleMs: number;
  onClose: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
  children: ComponentChildren;
}) {
  const { onClose, idleMs } = props;
  const [touched, setTouched] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  useDialogFocus(box);
  useEffect(() => {
    const timer = setTimeout(onClose, idleMs);
    return () => clearTimeout(timer);
  }, [touched, onClose, idleMs]);
  const other = props.languages.find((l) => l !== props.lang);
  const titleId = `${props.id}-title`;
  return (
    <div
      ref={box}
      class={`kiosk checkin ${props.id}${props.largeText ? ' kiosk--large' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      lang={props.lang}
      onPointerDownCapture={() => setTouched((n) => n + 1)}
      onKeyDownCapture={(event) => {
        setTouched((n) => n + 1);
        if (event.key === 'Escape') onClose();
      }}
    >
      <main class="screen checkin-screen">
        <div class="checkin-top">
          <h1 id={titleId} ref={props.headingRef} tabIndex={-1}>
            {props.title}
          </h1>
          {other && (
            <Button lang={other} onClick={() => props.onLanguage(other)}>
              {props.switchLabel}
            </Button>
          )}
        </div>
        {props.children}
      </main>
    </div>
  );
}
