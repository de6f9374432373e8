/**
 * Summarises .cpuprofile files: self time by package / source area, and the top
 * functions by self time. Run: npx tsx test/bench/sync/profile-summary.ts <files…>
 */
import { readFileSync } from 'node:fs';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** Where a script belongs: a package under node_modules, a source folder, or node itself. */
function area(url: string, name: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const src = /\/(src\/[^/]+(?:\/[^/]+)?)\//.exec(url) ?? /\/(test\/[^/]+\/[^/]+)/.exec(url);
  if (src) return src[1] as string;
  if (url.startsWith('node:')) return url;
  if (url === '') return `(${name || 'native'})`;
  return url;
}

const files = process.argv.slice(2);
const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const a = area(url, functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + dt);
    const f = `${functionName || '(anonymous)'} ${a}:${lineNumber + 1}`;
    byFunction.set(f, (byFunction.get(f) ?? 0) + dt);
    total += dt;
  });
}
const top = (map: Map<string, number>, n: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([k, v]) =>
        `${v.toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`,
    )
    .join('\n');
console.log(
  `${files.length} profile(s), ${total.toFixed(0)} ms sampled\n\nby area:\n${top(byArea, 25)}`,
);
console.log(`\ntop functions (self):\n${top(byFunction, 40)}`);
