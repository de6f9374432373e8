/**
 * `npm run voice:clips`: records one short audio clip per word of the board's vocabulary
 * (src/domain/announce.ts) with Debian's espeak-ng, Indonesian voice, and encodes it as
 * Ogg Opus into public/voice/id, with manifest.json (word → file, bytes, how it was made).
 * The clips are checked in: boards play them offline and without a speech voice. Run again
 * only when the vocabulary changes; it needs `apt-get install espeak-ng opus-tools`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clipFile, VOCABULARY, VOICE_DIR } from '../../domain/announce';

/** Words per minute: a little slower than espeak-ng's 175, as boards are heard from afar. */
const RATE = 140;
/** Opus bitrate (kbit/s), mono: speech stays clear, a word stays near 4 KB. */
const BITRATE = 24;

const out = join(process.cwd(), 'public', VOICE_DIR);
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'anjungan-voice-'));
const espeak = execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' })
  .split('  Data')[0]
  ?.trim();
const clips: Record<string, { file: string; bytes: number }> = {};
try {
  for (const word of VOCABULARY) {
    const wav = join(work, 'word.wav');
    const file = clipFile(word);
    // espeak-ng looks for a sound card even when it writes a file: its complaints are dropped.
    execFileSync('espeak-ng', ['-v', 'id', '-s', String(RATE), '-w', wav, word], { stdio: 'pipe' });
    execFileSync(
      'opusenc',
      ['--quiet', '--bitrate', String(BITRATE), '--downmix-mono', wav, join(out, file)],
      { stdio: 'pipe' },
    );
    clips[word] = { file, bytes: statSync(join(out, file)).size };
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const manifest = { voice: 'espeak-ng, id', made: { espeak, rate: RATE, bitrate: BITRATE }, clips };
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const total = Object.values(clips).reduce((sum, clip) => sum + clip.bytes, 0);
console.log(`${VOCABULARY.length} klip suara ditulis ke ${out} (${total.toLocaleString('id')} B)`);
