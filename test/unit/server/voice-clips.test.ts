// @vitest-environment node
/**
 * The board's audio clips (public/voice/id, made by `npm run voice:clips`): one small Ogg
 * Opus file per word of the vocabulary, none missing and none left over.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipFile, VOCABULARY, VOICE_DIR } from '../../../src/domain/announce';

const dir = join(process.cwd(), 'public', VOICE_DIR);
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  clips: Record<string, { file: string; bytes: number }>;
};

describe('voice clips', () => {
  it('has one clip per word of the vocabulary, named as the board asks for it', () => {
    expect(Object.keys(manifest.clips).sort()).toEqual([...VOCABULARY].sort());
    for (const word of VOCABULARY) expect(manifest.clips[word]?.file).toBe(clipFile(word));
    const files = readdirSync(dir).filter((f) => f !== 'manifest.json');
    expect(files.sort()).toEqual(VOCABULARY.map(clipFile).sort());
  });

  it('holds Ogg Opus files of the listed size, each under 8 KB, all under 200 KB', () => {
    let total = 0;
    for (const { file, bytes } of Object.values(manifest.clips)) {
      const data = readFileSync(join(dir, file));
      expect(data.subarray(0, 4).toString('latin1')).toBe('OggS');
      expect(data.includes(Buffer.from('OpusHead'))).toBe(true);
      expect(data.length).toBe(bytes);
      expect(data.length).toBeLessThan(8 * 1024);
      total += data.length;
    }
    expect(total).toBeLessThan(200 * 1024);
  });
});
