/** The admin's access list: each token's state, and revoking any live one but this session's. */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { AdminTokenSummary } from '../../src/domain/protocol';
import { Tokens } from '../../src/ui/admin/Tokens';
import { kioskBundle } from '../fixtures/kiosk';

const NOW = Date.now();
const token = (tokenId: string, adminName: string, over: Partial<AdminTokenSummary> = {}) => ({
  tokenId,
  adminId: `admin-${tokenId}`,
  adminName,
  createdAt: NOW - 3_600_000,
  expiresAt: NOW + 3_600_000,
  lastUsedAt: null,
  revokedAt: null,
  ...over,
});

describe('admin UI: admin access', () => {
  it('offers to revoke live tokens only, never this session, and reads the list again', async () => {
    const tokens = [
      token('mine', 'Dewi Lestari'),
      token('api', 'Admin API'),
      token('old', 'Admin Lama', { revokedAt: NOW - 60_000 }),
      token('gone', 'Admin Habis', { expiresAt: NOW - 1 }),
    ];
    const actions = { tokens: vi.fn(async () => tokens), revokeToken: vi.fn(async () => {}) };

    render(
      <Tokens lang="id" config={kioskBundle()} actions={actions} canWrite ownTokenId="mine" />,
    );

    await screen.findByText(/Dewi Lestari · sesi ini/);
    const revokes = screen.getAllByRole('button', { name: /^Cabut: / });
    expect(revokes.map((b) => b.getAttribute('aria-label')?.split(',')[0])).toEqual([
      'Cabut: Admin API',
    ]);
    expect(screen.getByText('Kedaluwarsa')).toBeTruthy();
    fireEvent.click(revokes[0] as HTMLElement);
    await waitFor(() => expect(actions.revokeToken).toHaveBeenCalledWith('api'));
    await waitFor(() => expect(actions.tokens).toHaveBeenCalledTimes(2));
  });
});
