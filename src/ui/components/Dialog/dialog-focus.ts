/**
 * Focus in a modal dialog: Tab and Shift+Tab cycle through the dialog's own controls (never
 * the page behind it), and when the dialog closes the focus goes back to where it was when
 * it opened, if that is still on the page.
 */
import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const FOCUSABLE =
  'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The controls Tab reaches in `box`, in order. */
function tabStops(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  );
}

/** Holds the focus inside `dialog` while it is mounted and gives it back when it unmounts. */
export function useDialogFocus(dialog: RefObject<HTMLElement | null>): void {
  // Read at the first render, before any effect of the dialog moves the focus in.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => {
    const box = dialog.current;
    if (!box) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const stops = tabStops(box);
      const at = document.activeElement;
      const inside = at !== null && box.contains(at);
      const edge = event.shiftKey ? stops[0] : stops.at(-1);
      if (inside && at !== edge && stops.length > 1) return;
      event.preventDefault();
      (event.shiftKey ? stops.at(-1) : stops[0])?.focus();
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      const at = document.activeElement;
      const lost = at === null || at === document.body || box.contains(at);
      if (lost && opener?.isConnected) opener.focus();
    };
  }, [dialog, opener]);
}
