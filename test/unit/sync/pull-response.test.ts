/**
 * The pull answer's orders for the device (src/sync/responses.ts): read when they are
 * what the protocol says, left out (never a refused page) when they are not.
 */
import { describe, expect, it } from 'vitest';
import { checkPullResponse } from '../../../src/sync/responses';

const PAGE = { events: [], cursor: 4, head: 4, hasMore: false, epoch: 'e1', serverTime: 1 };

describe('checkPullResponse', () => {
  it('reads the device’s profile and pending test print', () => {
    const asked = checkPullResponse({ ...PAGE, device: { profileId: 'loket', testPrintAt: 7 } });
    const none = checkPullResponse({ ...PAGE, device: { profileId: 'loket', testPrintAt: null } });

    expect(asked?.device).toEqual({ profileId: 'loket', testPrintAt: 7 });
    expect(none?.device).toEqual({ profileId: 'loket', testPrintAt: null });
  });

  it('leaves out orders it cannot read, and takes the page from a server without them', () => {
    const bad = [
      { profileId: 3, testPrintAt: null },
      { profileId: 'loket', testPrintAt: -1 },
      { profileId: 'loket', testPrintAt: '7' },
      'loket',
    ].map((device) => checkPullResponse({ ...PAGE, device }));
    const older = checkPullResponse(PAGE);

    for (const page of [...bad, older]) {
      expect(page).toMatchObject({ cursor: 4 });
      expect(page && 'device' in page).toBe(false);
    }
  });
});
