/**
 * "Geser ke bawah untuk melihat lainnya": shown over the bottom of the screen while the page
 * goes on below it (a marker at the end of the content is out of view). A tap scrolls
 * down too, for whoever does not swipe.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** Put it last in the screen's content. */
export function ScrollHint(props: { label: string }) {
  const end = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);
  useEffect(() => {
    const marker = end.current;
    if (!marker || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) =>
      setMore(entry?.isIntersecting === false),
    );
    observer.observe(marker);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      <div ref={end} class="scroll-end" />
      {more && (
        <button
          type="button"
          class="scroll-hint"
          onClick={() => window.scrollBy({ top: window.innerHeight * 0.7, behavior: 'smooth' })}
        >
          <span aria-hidden="true">↓ </span>
          {props.label}
        </button>
      )}
    </>
  );
}
