/** QR codes: one path of dark modules, named for assistive technology. */
import { render, screen, waitFor } from '@testing-library/preact';
import jsQR from 'jsqr';
import { render as renderNow } from 'preact';
import { describe, expect, it } from 'vitest';
import { QrCode, qrCodesDrawn, qrModules, qrPath } from '../../src/ui/components/QrCode/QrCode';

/** Renders modules to RGBA pixels (4 px a module) and decodes them like a phone would. */
function decode(modules: boolean[][]): string | null {
  const scale = 4;
  const size = modules.length * scale;
  const pixels = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dark = modules[Math.floor(y / scale)]?.[Math.floor(x / scale)];
      pixels.fill(dark ? 0 : 255, (y * size + x) * 4, (y * size + x) * 4 + 3);
      pixels[(y * size + x) * 4 + 3] = 255;
    }
  }
  return jsQR(pixels, size, size)?.data ?? null;
}

describe('QrCode', () => {
  it('encodes the text so that a QR reader gets it back', () => {
    const url = 'https://antrean.mpp.contoh.go.id/t/0190f5e0-0000-7000-8000-000000000001';
    expect(decode(qrModules(url))).toBe(url);
  });

  it('merges each row of dark modules into runs', () => {
    expect(
      qrPath([
        [true, true, false, true],
        [false, false, false, false],
        [false, true, true, true],
      ]),
    ).toBe('M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z');
  });

  it('renders one path in a named svg sized to the code', () => {
    const text = 'https://antrean.test/t/0190f5e0-0000-7000-8000-000000000001';
    render(<QrCode text={text} label="Kode QR tiket A-012" />);
    const svg = screen.getByRole('img', { name: 'Kode QR tiket A-012' });
    const size = qrModules(text).length;
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${size} ${size}`);
    expect(svg.querySelectorAll('path')).toHaveLength(1);
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
  });

  it('shows its box at once and draws a new code just after, then lets printing go on', async () => {
    await expect(qrCodesDrawn()).resolves.toBeUndefined();
    const text = 'https://antrean.test/t/0190f5e0-0000-7000-8000-00000000abcd';
    const host = document.createElement('div');
    document.body.append(host);
    renderNow(<QrCode text={text} label="Kode QR tiket B-007" />, host);
    const svg = host.querySelector('svg.qr');
    // Rendered, laid out by its class, not drawn yet: the screen's text paints first.
    expect(svg?.getAttribute('aria-label')).toBe('Kode QR tiket B-007');
    expect(svg?.querySelector('path')).toBeNull();
    let drawnYet = false;
    const printed = qrCodesDrawn().then(() => {
      drawnYet = true;
    });
    expect(drawnYet).toBe(false);
    await printed;
    await waitFor(() =>
      expect(host.querySelector('svg.qr path')?.getAttribute('d')).toBe(qrPath(qrModules(text))),
    );
    const size = qrModules(text).length;
    expect(svg?.getAttribute('viewBox')).toBe(`0 0 ${size} ${size}`);
    // The same code again (the paper beside the screen) is drawn at once.
    const paper = document.createElement('div');
    renderNow(<QrCode text={text} class="print-qr" />, paper);
    expect(paper.querySelector('path')?.getAttribute('d')).toBe(qrPath(qrModules(text)));
    await expect(qrCodesDrawn()).resolves.toBeUndefined();
    renderNow(null, host);
    host.remove();
  });
});
