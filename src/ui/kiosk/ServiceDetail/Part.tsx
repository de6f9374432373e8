/** One titled part of the standar pelayanan, as a labelled region. */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** A section with an h2 heading that names it. */
export function Part(props: { title: string; children: ComponentChildren; class?: string }) {
  const id = useId();
  return (
    <section class={`part${props.class ? ` ${props.class}` : ''}`} aria-labelledby={id}>
      <h2 id={id} class="part-title">
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
