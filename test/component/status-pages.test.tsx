/** The boot status screen and the citizen's phone page opened from the missing-list QR. */
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { BootScreen } from '../../src/ui/boot/BootScreen';
import { ServiceInfo } from '../../src/ui/info/ServiceInfo';
import { kioskBundle } from '../fixtures/kiosk';

describe('BootScreen', () => {
  it.each([
    ['loading', 'status', 'Memuat…'],
    [
      'waiting-config',
      'status',
      'Menunggu konfigurasi dari server — pastikan server situs menyala',
    ],
    ['storage-failed', 'alert', 'Anjungan tidak dapat menyimpan — hubungi petugas'],
  ] as const)('shows %s', (state, role, text) => {
    render(<BootScreen state={state} />);
    expect(within(screen.getByRole(role)).getByRole('heading', { name: text })).toBeTruthy();
  });
});

describe('ServiceInfo', () => {
  it('shows the six parts and what the citizen still lacks', () => {
    render(
      <ServiceInfo
        config={kioskBundle()}
        serviceId="disdukcapil-ktp-el-cetak-ulang"
        missing={['surat-kehilangan']}
        lang="id"
      />,
    );
    expect(screen.getByRole('heading', { name: 'Cetak Ulang KTP-el', level: 1 })).toBeTruthy();
    const lacking = within(screen.getByRole('region', { name: 'Yang belum Anda miliki' }));
    expect(lacking.getByRole('listitem').textContent).toBe(
      'Surat keterangan kehilangan dari kepolisian',
    );
    for (const part of [
      'Persyaratan',
      'Alur Pelayanan',
      'Jangka Waktu',
      'Biaya',
      'Produk Layanan',
      'Pengaduan',
    ]) {
      expect(screen.getByRole('heading', { name: part, level: 2 })).toBeTruthy();
    }
    const highlighted = document.querySelectorAll('.req--missing');
    expect([...highlighted].map((li) => li.querySelector('.req-label')?.textContent)).toEqual([
      'Surat keterangan kehilangan dari kepolisian',
    ]);
  });

  it('speaks English when asked and says so when the service is unknown', () => {
    const { unmount } = render(
      <ServiceInfo
        config={kioskBundle()}
        serviceId="imigrasi-paspor-baru"
        missing={[]}
        lang="en"
      />,
    );
    expect(screen.getByRole('heading', { name: 'Requirements' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: "What you don't have yet" })).toBeNull();
    unmount();
    render(<ServiceInfo config={kioskBundle()} serviceId="tidak-ada" missing={[]} lang="id" />);
    expect(screen.getByRole('heading', { name: 'Layanan tidak ditemukan' })).toBeTruthy();
  });

  it('names a complaints desk in the page’s language, as written when it has no English', () => {
    const config = kioskBundle();
    const service = config.agencies
      .flatMap((agency) => agency.services)
      .find((s) => s.id === 'imigrasi-paspor-baru');
    if (!service) throw new Error('fixture: no imigrasi-paspor-baru');
    service.complaints = [
      { kind: 'desk', value: 'Meja pengaduan, lantai 1', en: 'Complaints desk, 1st floor' },
      { kind: 'desk', value: 'Loket informasi' },
    ];
    const desks = (lang: 'id' | 'en') => {
      const { unmount } = render(
        <ServiceInfo config={config} serviceId="imigrasi-paspor-baru" missing={[]} lang={lang} />,
      );
      const items = document.querySelectorAll('.channels li');
      const texts = [...items].map((li) => li.textContent);
      unmount();
      return texts;
    };

    expect(desks('en')).toEqual([
      'Complaints desk: Complaints desk, 1st floor',
      'Complaints desk: Loket informasi',
    ]);
    expect(desks('id')).toEqual([
      'Meja pengaduan: Meja pengaduan, lantai 1',
      'Meja pengaduan: Loket informasi',
    ]);
  });
});
