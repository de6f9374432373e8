/**
 * A kiosk in a real browser, driven the way a citizen and a staff member would: by role
 * and accessible name. Printing is recorded instead of opening a dialog.
 */
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Records window.print() calls (and, for each, whether the print area held a drawn QR code
 * at that moment) and navigator.storage.persist() requests.
 */
export async function instrument(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as {
      __prints: number;
      __printedQr: boolean[];
      __persistRequests: number;
    };
    w.__prints = 0;
    w.__printedQr = [];
    w.__persistRequests = 0;
    window.print = () => {
      w.__prints += 1;
      const path = document.querySelector('.print-area .print-qr path')?.getAttribute('d');
      w.__printedQr.push(Boolean(path));
    };
    const storage = navigator.storage;
    if (storage?.persist) {
      const persist = storage.persist.bind(storage);
      storage.persist = () => {
        w.__persistRequests += 1;
        return persist();
      };
    }
  });
}

/** Staff enrollment of a new device: the one-time code from an admin, name and profile. */
export async function setUpDevice(
  page: Page,
  options: { code: string; name: string; profile: string },
): Promise<void> {
  await page.getByLabel('Kode pendaftaran').fill(options.code);
  await page.getByLabel('Nama perangkat').fill(options.name);
  await page.getByLabel('Profil').selectOption({ label: options.profile });
  await page.getByRole('button', { name: 'Daftarkan' }).click();
  await page.getByRole('button', { name: 'Sentuh untuk mulai' }).waitFor();
}

/** The sample's lobby kiosk profile, as the set-up screen lists it. */
export const LOBBY_PROFILE = 'Anjungan lobi utama (printer 80 mm)';

/** Opens /kiosk on `page` and enrolls it as a lobby kiosk named `name`, with a fresh code. */
export async function enrollLobbyKiosk(
  page: Page,
  server: { url: string; enrollmentCode(): Promise<string> },
  name: string,
): Promise<void> {
  await page.goto(`${server.url}/kiosk`);
  await setUpDevice(page, { code: await server.enrollmentCode(), name, profile: LOBBY_PROFILE });
}

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Marks every requirement on the checklist as present ("Ada") and goes on. */
export async function markAllPresent(page: Page): Promise<void> {
  const present = page.getByRole('button', { name: 'Ada', exact: true });
  await present.first().waitFor();
  for (const one of await present.all()) await one.click();
  await button(page, 'Lanjut').click();
}

/** The common path: a KTP-el reprint with everything at hand, no priority. */
export async function takeKtpTicket(page: Page): Promise<string> {
  await button(page, 'Sentuh untuk mulai').click();
  await button(page, 'Disdukcapil').click();
  await button(page, 'Cetak ulang KTP-el (rusak, hilang atau perubahan data)').click();
  await button(page, 'Periksa Persyaratan').click();
  await button(page, 'Tidak').click();
  await markAllPresent(page);
  await button(page, 'Tidak').click();
  await button(page, 'Ambil Nomor Antrean').click();
  return ticketNumber(page);
}

/** The number on the ticket screen, once it is there. */
export async function ticketNumber(page: Page): Promise<string> {
  await page.getByRole('heading', { name: 'Nomor Antrean Anda' }).waitFor();
  const number = page.locator('main').getByText(/^[A-Z]{1,3}-[A-Z]?\d{2,4}$/);
  return (await number.first().textContent()) ?? '';
}

/** Every ticket number in this device's log, read from IndexedDB. */
export function storedTicketNumbers(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('anjungan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('events').objectStore('events').getAll();
          request.onsuccess = () => {
            const events = request.result as { deviceSeq: number; data: { number: string } }[];
            events.sort((a, b) => a.deviceSeq - b.deviceSeq);
            resolve(events.map((e) => e.data.number));
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** Waits until a service worker controls the page (the app works offline from then on). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
    timeout: 30_000,
  });
}

/** Controls smaller than 64×64 CSS px, and the kiosk's base text size, on this screen. */
export function touchAndTextSizes(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const small = [...document.querySelectorAll('button, input, select, a[href]')]
      .filter(visible)
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width < 64 || box.height < 64;
      })
      .map((el) => `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 30)}”`);
    const root = document.querySelector('.kiosk') ?? document.body;
    const tiny = [...document.querySelectorAll('main *')]
      .filter(
        (el) =>
          visible(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim()),
      )
      .filter((el) => Number.parseFloat(getComputedStyle(el).fontSize) < 18)
      .map((el) => (el.textContent ?? '').trim().slice(0, 30));
    return { small, baseFontPx: Number.parseFloat(getComputedStyle(root).fontSize), tiny };
  });
}

/**
 * Waits until the kiosk's sync badge says it synced (so it holds its leases), and if
 * `pending` is given, until that many own events are still unsent.
 */
export async function waitForSync(page: Page, options: { pending?: number } = {}): Promise<void> {
  const badge = page.locator('.sync-badge');
  await badge.filter({ hasText: 'Tersinkron' }).waitFor({ timeout: 30_000 });
  if (options.pending === undefined) return;
  const state = options.pending === 0 ? 'online' : 'pending';
  await page.locator(`.sync-badge[data-sync="${state}"]`).waitFor({ timeout: 30_000 });
}
