/**
 * A QR code as SVG: lean-qr (its 2 KB "nano" build) computes the modules, we draw the
 * dark ones as one path (runs of modules on a row become one rectangle), so there is no
 * innerHTML and little DOM.
 */
import { correction, generate } from 'lean-qr/nano';

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

/** The last code computed: a ticket's screen and its paper draw the same one. */
let last: { text: string; size: number; path: string } | null = null;

function drawn(text: string): { size: number; path: string } {
  if (last?.text !== text) {
    const modules = qrModules(text);
    last = { text, size: modules.length, path: qrPath(modules) };
  }
  return last;
}

/** A QR code of `text`, named by `label`; decorative (hidden) without one. */
export function QrCode(props: { text: string; label?: string; class?: string }) {
  const { size, path } = drawn(props.text);
  return (
    <svg
      class={`qr${props.class ? ` ${props.class}` : ''}`}
      role={props.label ? 'img' : undefined}
      aria-label={props.label}
      aria-hidden={props.label ? undefined : 'true'}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
    >
      <path d={path} fill="#000" />
    </svg>
  );
}
