/**
 * At start, before anything is served or stored: the data must belong to the config's
 * site. A DATA_DIR (or DATABASE_URL) of another site.id would refuse every enrolled device
 * (403 wrong_site), so the server does not start and says how to proceed; renaming the
 * site is asked for explicitly (RENAME_SITE_FROM) and keeps every device.
 */
import type { SiteIdentity } from './store/site-identity';
import type { SiteData } from './store/store-site';

/** The data belongs to another site and no rename was asked for: the server must not start. */
export class SiteMismatch extends Error {
  constructor(stored: string, configured: string, where: string) {
    super(
      [
        `Data di ${where} milik situs '${stored}', tetapi konfigurasi menyebut situs '${configured}'.`,
        `Server tidak dimulai: setiap perangkat yang terdaftar di '${stored}' akan ditolak.`,
        `- Bila '${configured}' adalah id baru situs yang sama, mulai sekali dengan`,
        `  RENAME_SITE_FROM=${stored} — semua perangkat tetap terdaftar.`,
        `- Bila bukan, arahkan DATA_DIR/DATABASE_URL ke data situs '${configured}',`,
        `  atau CONFIG_DIR ke konfigurasi situs '${stored}'.`,
        `(The data at ${where} belongs to site '${stored}' but the config names '${configured}'.`,
        ` To rename the site keeping its devices, start once with RENAME_SITE_FROM=${stored};`,
        ' otherwise point DATA_DIR/DATABASE_URL or CONFIG_DIR at the right site.)',
      ].join('\n'),
    );
    this.name = 'SiteMismatch';
  }
}

/**
 * The store's site, claimed for `siteId` when it holds none, renamed when `renameFrom`
 * names the site it holds; throws SiteMismatch otherwise.
 */
export async function checkSite(
  store: SiteData,
  siteId: string,
  options: { renameFrom?: string | undefined; where: string },
): Promise<{ identity: SiteIdentity; renamed: boolean }> {
  const held = await store.siteIdentity();
  if (held === null) {
    await store.claimSite(siteId);
    return { identity: { siteId, formerIds: [] }, renamed: false };
  }
  if (held.siteId === siteId) {
    // A database from before the record names its site only by its rows: record it.
    await store.claimSite(siteId);
    return { identity: held, renamed: false };
  }
  if (options.renameFrom !== held.siteId) {
    throw new SiteMismatch(held.siteId, siteId, options.where);
  }
  return { identity: await store.renameSite(held.siteId, siteId), renamed: true };
}
