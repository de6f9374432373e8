/**
 * The board's voice at its boundary: what is chimed, said or played, in what order, with a
 * local voice or with the clips; nothing before sound is enabled; one failing call skips.
 */
import { describe, expect, it } from 'vitest';
import { createAnnouncer, type VoiceOutput } from '../../../src/app/display/announcer';
import { announceCall } from '../../../src/domain/announce';

/** A voice that records everything; `local` says whether a local voice exists. */
function recordingVoice(local: boolean, failOn?: string) {
  const heard: string[] = [];
  const output: VoiceOutput = {
    chime: async () => {
      heard.push('♪');
    },
    speak: async (text) => {
      if (text === failOn) throw new Error('voice broke');
      if (local) heard.push(text);
      return local;
    },
    play: async (url) => {
      heard.push(url.replace('/voice/id/', ''));
    },
  };
  return { heard, output };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createAnnouncer', () => {
  it('chimes, then says each call twice through a local voice, calls queued in order', async () => {
    const { heard, output } = recordingVoice(true);
    const shown: string[] = [];
    const announcer = createAnnouncer(output, (text) => shown.push(text));
    announcer.enable();

    announcer.announce(announceCall('A-012', '3'));
    announcer.announce(announceCall('B-001', '10'));
    await settle();

    const a = 'Nomor antrean, a, dua belas. Silakan menuju loket tiga.';
    const b = 'Nomor antrean, be, satu. Silakan menuju loket sepuluh.';
    expect(heard).toEqual(['♪', a, a, '♪', b, b]);
    expect(shown).toEqual([a, b]);
  });

  it('plays one clip per word when no local voice exists', async () => {
    const { heard, output } = recordingVoice(false);
    const announcer = createAnnouncer(output, () => {}, { repeat: 1 });
    announcer.enable();

    announcer.announce(announceCall('A-012', '3'));
    await settle();

    expect(heard).toEqual([
      '♪',
      'nomor-antrean.opus',
      'a.opus',
      'dua.opus',
      'belas.opus',
      'silakan-menuju-loket.opus',
      'tiga.opus',
    ]);
  });

  it('shows but never says a call made before sound was enabled', async () => {
    const { heard, output } = recordingVoice(true);
    const shown: string[] = [];
    const announcer = createAnnouncer(output, (text) => shown.push(text));

    announcer.announce(announceCall('A-001', '1'));
    announcer.enable();
    announcer.announce(announceCall('A-002', '1'));
    await settle();

    expect(shown).toHaveLength(2);
    expect(heard.filter((h) => h !== '♪')).toEqual([
      'Nomor antrean, a, dua. Silakan menuju loket satu.',
      'Nomor antrean, a, dua. Silakan menuju loket satu.',
    ]);
  });

  it('falls back to the clips when the local voice fails on a call', async () => {
    const first = announceCall('A-001', '1');
    const { heard, output } = recordingVoice(true, first.text);
    const announcer = createAnnouncer(output, () => {}, { repeat: 1 });
    announcer.enable();

    announcer.announce(first);
    announcer.announce(announceCall('A-002', '1'));
    await settle();

    expect(heard).toEqual([
      '♪',
      'nomor-antrean.opus',
      'a.opus',
      'satu.opus',
      'silakan-menuju-loket.opus',
      'satu.opus',
      '♪',
      'Nomor antrean, a, dua. Silakan menuju loket satu.',
    ]);
  });

  it('skips a call whose sound fails altogether and goes on with the next', async () => {
    const { heard, output } = recordingVoice(true);
    let chimes = 0;
    output.chime = async () => {
      chimes += 1;
      if (chimes === 1) throw new Error('no audio device');
    };
    const announcer = createAnnouncer(output, () => {}, { repeat: 1 });
    announcer.enable();

    announcer.announce(announceCall('A-001', '1'));
    announcer.announce(announceCall('A-002', '1'));
    await settle();

    expect(heard).toEqual(['Nomor antrean, a, dua. Silakan menuju loket satu.']);
  });
});
