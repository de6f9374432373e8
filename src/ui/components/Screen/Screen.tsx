/** The body of one screen: a title, its content and a row of main actions. */
import type { ComponentChildren } from 'preact';

type ScreenProps = {
  title: ComponentChildren;
  /** Small text above the title, e.g. the agency of a service. */
  kicker?: ComponentChildren;
  children?: ComponentChildren;
  actions?: ComponentChildren;
  class?: string;
};

/** A screen's main landmark; one h1 per screen. */
export function Screen({ title, kicker, children, actions, class: extra }: ScreenProps) {
  return (
    <main class={`screen${extra ? ` ${extra}` : ''}`}>
      {kicker !== undefined && <p class="screen-kicker">{kicker}</p>}
      <h1 class="screen-title">{title}</h1>
      <div class="screen-body">{children}</div>
      {actions !== undefined && <div class="screen-actions">{actions}</div>}
    </main>
  );
}
