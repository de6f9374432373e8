/** Printing waits for the ticket's QR code, which is drawn just after the screen shows. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printCurrentDocument } from '../../src/app/print';
import { QrCode } from '../../src/ui/components/QrCode/QrCode';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('printCurrentDocument', () => {
  it('prints once the QR code on the page is drawn, with its path on paper', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    let pathAtPrint: string | null | undefined;
    const printed = new Promise<void>((resolve) => {
      // happy-dom has no print(): the browser's, stood in for.
      vi.stubGlobal(
        'print',
        vi.fn(() => {
          pathAtPrint = host.querySelector('svg.print-qr path')?.getAttribute('d');
          resolve();
        }),
      );
    });
    render(<QrCode text="https://antrean.test/t/print-0001" class="print-qr" />, host);
    expect(host.querySelector('svg.print-qr path')).toBeNull();
    printCurrentDocument();
    await printed;
    expect(window.print).toHaveBeenCalledTimes(1);
    expect(pathAtPrint).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
    render(null, host);
    host.remove();
  });
});

describe('a printer that is not ready yet', () => {
  it('holds a print and starts the printer, then prints it there once it is set', async () => {
    // Arrange
    const { holdPrints, setPrinter, printCurrentDocument } = await import('../../src/app/print');
    const printed: string[] = [];
    let starts = 0;
    holdPrints(() => {
      starts += 1;
    });

    // Act
    printCurrentDocument();
    const beforeReady = printed.length;
    setPrinter(() => printed.push('escpos'));
    printCurrentDocument();
    setPrinter(null);

    // Assert
    expect(beforeReady).toBe(0);
    expect(starts).toBe(1);
    expect(printed).toEqual(['escpos', 'escpos']);
  });
});
