/** QR codes: one path of dark modules, named for assistive technology. */
import { render, screen } from '@testing-library/preact';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { QrCode, qrPath } from '../../src/ui/components/QrCode/QrCode';

describe('QrCode', () => {
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
    const size = encode(text, { ecc: 'M', border: 2 }).size;
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${size} ${size}`);
    expect(svg.querySelectorAll('path')).toHaveLength(1);
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
  });
});
