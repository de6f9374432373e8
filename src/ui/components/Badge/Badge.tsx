/** A short status label (availability, Wajib/Tidak wajib); colour never carries meaning alone. */
import type { ComponentChildren } from 'preact';

export type BadgeTone = 'info' | 'ok' | 'warn' | 'danger';

/** A badge; give it an id to reference it from aria-describedby. */
export function Badge(props: { tone?: BadgeTone; id?: string; children: ComponentChildren }) {
  return (
    <span id={props.id} class={`badge badge--${props.tone ?? 'info'}`}>
      {props.children}
    </span>
  );
}
