/** The admin's SKM report: the site's IKM, mutu and sample, each unit's line, the CSV. */
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { SkmAnswers } from '../../src/domain/skm';
import { skmReport } from '../../src/domain/skm-report';
import { Skm } from '../../src/ui/admin/Skm';
import { kioskBundle } from '../fixtures/kiosk';

const all = (score: 1 | 2 | 3 | 4) => Array(9).fill(score) as unknown as SkmAnswers;
const KTP = 'disdukcapil-ktp-el-cetak-ulang';
// 4×9 and 3×9: total 63, IKM 25 × 63 ÷ 18 = 87,50, mutu B; 10 served → sample 10.
const REPORT = skmReport({
  from: '2026-01-01',
  to: '2026-12-05',
  responses: [
    { agencyId: 'disdukcapil', serviceId: KTP, answers: all(4) },
    { agencyId: 'disdukcapil', serviceId: KTP, answers: all(3) },
  ],
  served: [{ agencyId: 'disdukcapil', serviceId: KTP, count: 10 }],
});

describe('admin UI: the SKM report', () => {
  it('shows the year so far: the IKM with its mutu, the sample, each unit; asks again for a period', async () => {
    const actions = { skm: vi.fn(async () => REPORT), skmCsv: vi.fn(async () => new Blob([])) };
    render(<Skm lang="id" config={kioskBundle()} actions={actions} today="2026-12-05" />);

    await screen.findByText('mutu B (Baik)');
    expect(document.querySelector('.admin-ikm-value')?.textContent).toBe('87,50');
    expect(actions.skm).toHaveBeenCalledWith('2026-01-01', '2026-12-05');
    expect(screen.getByText('mutu B (Baik)')).toBeTruthy();
    expect(
      screen.getByText(
        '2 responden dari 10 yang dibutuhkan untuk 10 warga yang dilayani (Krejcie–Morgan).',
      ),
    ).toBeTruthy();
    const row = screen.getByRole('row', { name: /Cetak Ulang KTP-el/ });
    expect(row.textContent).toContain('87,50');

    fireEvent.input(screen.getByLabelText('Dari tanggal'), { target: { value: '2026-07-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan' }));
    await waitFor(() => expect(actions.skm).toHaveBeenLastCalledWith('2026-07-01', '2026-12-05'));
  });
});
