/**
 * A QR code as SVG: lean-qr (its 2 KB "nano" build) computes the modules, we draw the
 * dark ones as one path (runs of modules on a row become one rectangle), so there is no
 * innerHTML and little DOM. A code not drawn yet is drawn just after the screen shows:
 * the ticket's number paints first, its code one frame later in the box already laid out
 * (computing a code costs 5–30 ms at the bench's throttle). Printing waits for it.
 */
import { correction, generate } from 'lean-qr/nano';
import { useEffect, useState } from 'preact/hooks';

/** Quiet zone around the code, in modules. */
const BORDER = 2;

/** The modules of `text` (error correction M or better), quiet zone included. */
export function qrModules(text: string): boolean[][] {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const size = code.size + 2 * BORDER;
  return Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (_, x) => code.get(x - BORDER, y - BORDER)),
  );
}

/** The path of the dark modules, one `M x y h n v1 h -n z` per horizontal run. */
export function qrPath(data: readonly (readonly boolean[])[]): string {
  let d = '';
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return d;
}

/** A computed code: its text, its size in modules, the path of its dark modules. */
type Drawn = { text: string; size: number; path: string };

/** The last code computed: a ticket's screen and its paper draw the same one. */
let last: Drawn | null = null;

function drawn(text: string): Drawn {
  if (last?.text !== text) {
    const modules = qrModules(text);
    last = { text, size: modules.length, path: qrPath(modules) };
  }
  return last;
}

/** The text of a code shown but not drawn yet, and who waits for it to be drawn. */
let wanted: string | null = null;
let waiting: (() => void)[] = [];

/** Resolves once the code on screen is drawn (at once when none is waiting). */
export function qrCodesDrawn(): Promise<void> {
  if (wanted === null) return Promise.resolve();
  return new Promise((resolve) => waiting.push(resolve));
}

function drawWanted(text: string): Drawn {
  const code = drawn(text);
  if (wanted === text) {
    wanted = null;
    const resolved = waiting;
    waiting = [];
    for (const resolve of resolved) resolve();
  }
  return code;
}

/** A QR code of `text`, named by `label`; decorative (hidden) without one. */
export function QrCode(props: { text: string; label?: string; class?: string }) {
  const [code, setCode] = useState<Drawn | null>(null);
  const shown = code?.text === props.text ? code : last?.text === props.text ? last : null;
  if (shown === null) wanted = props.text;
  useEffect(() => {
    if (code?.text !== props.text) setCode(drawWanted(props.text));
  }, [props.text]);
  return (
    <svg
      class={`qr${props.class ? ` ${props.class}` : ''}`}
      role={props.label ? 'img' : undefined}
      aria-label={props.label}
      aria-hidden={props.label ? undefined : 'true'}
      viewBox={shown ? `0 0 ${shown.size} ${shown.size}` : undefined}
      shape-rendering="crispEdges"
    >
      {shown && <path d={shown.path} fill="#000" />}
    </svg>
  );
}
