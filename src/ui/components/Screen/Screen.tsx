/** The body of one screen: a title, its content and a row of main actions. */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

type ScreenProps = {
  title: ComponentChildren;
  /** Small text above the title, e.g. the agency of a service. */
  kicker?: ComponentChildren;
  children?: ComponentChildren;
  actions?: ComponentChildren;
  class?: string;
};

/**
 * A ref for a screen's heading that takes the focus when the screen appears: the keyboard
 * starts from there, and a screen reader (or the kiosk's own voice) announces the screen.
 */
export function useHeadingFocus() {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return heading;
}

/** A screen's main landmark; one h1 per screen, focused when the screen appears. */
export function Screen({ title, kicker, children, actions, class: extra }: ScreenProps) {
  const heading = useHeadingFocus();
  return (
    <main class={`screen${extra ? ` ${extra}` : ''}`}>
      {kicker !== undefined && <p class="screen-kicker">{kicker}</p>}
      <h1 class="screen-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <div class="screen-body">{children}</div>
      {actions !== undefined && <div class="screen-actions">{actions}</div>}
    </main>
  );
}
