/** The device's last test print (bookkeeping beside the log, as the staff cache is). */
import type { AnjunganDatabase, PrinterCheck } from './db';

/** The last test print, or null when none was made on this device. */
export async function readPrinterCheck(db: AnjunganDatabase): Promise<PrinterCheck | null> {
  return ((await db.get('meta', 'printer-check')) as PrinterCheck | undefined) ?? null;
}

/** Keeps how the last test print went. */
export async function savePrinterCheck(db: AnjunganDatabase, check: PrinterCheck): Promise<void> {
  await db.put('meta', check, 'printer-check');
}
