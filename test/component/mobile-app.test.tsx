/** The MPP bergerak screen: locked by a staff PIN once the device holds staff; its report. */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { VisitReportRow } from '../../src/domain/visit-report';
import { MobileApp } from '../../src/ui/mobile/MobileApp';
import type { MobileActions, MobileView } from '../../src/ui/mobile/view';
import { kioskBundle } from '../fixtures/kiosk';

const visit = {
  id: 'sukamaju',
  date: '2026-12-10',
  kelurahan: 'Sukamaju',
  place: 'Balai Kelurahan',
  hours: { from: '08:00', to: '14:00' },
  services: [{ service: 'disdukcapil-ktp-el-cetak-ulang', quota: 10 }],
};

function view(overrides: Partial<MobileView> = {}): MobileView {
  return {
    lang: 'id',
    config: kioskBundle({ visits: [visit] }),
    deviceName: 'Tablet tim 1',
    today: '2026-12-05',
    trip: [visit],
    readiness: null,
    preparing: false,
    online: false,
    lastSyncAt: null,
    pending: { count: 12, since: Date.UTC(2026, 11, 5, 2, 42) },
    printAsked: false,
    printerError: null,
    report: null,
    signIn: null,
    ...overrides,
  };
}

function actions(): MobileActions {
  const names = [
    'prepare',
    'pairPrinter',
    'testPrint',
    'confirmPrint',
    'showReport',
    'reportCsv',
    'setLanguage',
    'signIn',
    'firstPin',
    'dismissMessage',
  ];
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as unknown as MobileActions;
}

const store = (v: MobileView) => ({ subscribe: () => () => {}, getSnapshot: () => v });

describe('MobileApp', () => {
  it('asks for a staff PIN first once the device holds staff, and shows nothing else', () => {
    // Arrange
    const spy = actions();
    const locked = view({
      signIn: {
        staff: [{ staffId: 's1', name: 'Sari Wulandari', hasPin: true, locked: false }],
        message: null,
        busy: false,
      },
    });
    render(<MobileApp store={store(locked)} actions={spy} />);

    // Act
    const report = screen.queryByRole('heading', { name: 'Persiapan sebelum berangkat' });
    fireEvent.click(screen.getByRole('button', { name: 'Sari Wulandari' }));
    for (const d of '480915') fireEvent.click(screen.getByRole('button', { name: d }));
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    fireEvent.click(screen.getByRole('button', { name: 'English' }));

    // Assert
    expect(report).toBeNull();
    expect(spy.signIn).toHaveBeenCalledWith('s1', '480915');
    expect(spy.setLanguage).toHaveBeenCalledWith('en');
  });

  it('says what waits to be sent and since when, and shows a report as a table and bars', () => {
    // Arrange
    const row: VisitReportRow = {
      serviceId: 'disdukcapil-ktp-el-cetak-ulang',
      quota: 10,
      issued: 7,
      served: 3,
      received: 1,
      incomplete: 1,
      noShows: 1,
      open: 1,
      averageWaitMs: 750_000,
      longestWaitMs: 1_500_000,
    };
    const shown = view({
      report: {
        visit,
        report: {
          visitId: 'sukamaju',
          days: ['2026-12-10'],
          rows: [row],
          total: { ...row, serviceId: '' },
        },
      },
    });

    // Act
    render(<MobileApp store={store(shown)} actions={actions()} />);

    // Assert
    expect(screen.getAllByRole('status')[0]?.textContent).toContain(
      '12 kejadian menunggu dikirim sejak 09.42',
    );
    const table = within(screen.getByRole('table'));
    expect(table.getAllByRole('row')[1]?.textContent).toBe('Cetak Ulang KTP-el1073111112,525,0');
    expect(screen.getByText('7/10')).toBeTruthy();
  });
});
