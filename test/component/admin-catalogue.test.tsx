/** The admin's catalogue: each service, and the parts of its standar pelayanan not recorded yet. */
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { UNRECORDED_TEXT } from '../../src/domain/config/schema';
import { Catalogue } from '../../src/ui/admin/Catalogue';
import { kioskBundle } from '../fixtures/kiosk';

describe('admin UI: the catalogue', () => {
  it('names what is not recorded yet for each service, and the others complete', () => {
    const config = kioskBundle();
    const [agency] = config.agencies;
    const [service] = agency?.services ?? [];
    if (!agency || !service) throw new Error('no service');
    service.cost = {
      kind: 'variable',
      note: { ...UNRECORDED_TEXT },
      legalBasis: UNRECORDED_TEXT.id,
    };
    service.duration = { ...UNRECORDED_TEXT };

    const actions = {
      catalogueTemplate: async () => new Blob([]),
      importCatalogue: async () => {
        throw new Error('not in this test');
      },
      refreshConfig: () => {},
      checkAgency: async () => {
        throw new Error('not in this test');
      },
    };
    render(<Catalogue lang="id" config={config} actions={actions} canWrite={false} />);

    const row = screen.getByRole('row', { name: new RegExp(`^${service.name.id}`) });
    expect(row.textContent).toContain('biaya, waktu penyelesaian');
    expect(screen.getAllByText('Lengkap').length).toBe(
      config.agencies.reduce((n, a) => n + a.services.length, 0) - 1,
    );
    expect(
      screen.getByText(/Standar pelayanan yang belum lengkap dicatat: 1 layanan\./),
    ).toBeTruthy();
  });
});
