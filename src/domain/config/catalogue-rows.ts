/**
 * The catalogue as the import's template (./catalogue-import.ts): every service a row,
 * each column filled from the config, "belum-dicatat" where a part is not recorded yet.
 */
import type { ImportColumn } from './catalogue-import';
import { type ConfigBundle, type Service, UNRECORDED, UNRECORDED_TEXT } from './schema';

/** The catalogue as template rows: every service, each column filled from the config. */
export function catalogueRows(bundle: ConfigBundle): Record<ImportColumn, string>[] {
  return bundle.agencies.flatMap((agency) => agency.services.map((s) => rowOf(agency.id, s)));
}

/** A service as its template row. */
export function rowOf(agencyId: string, s: Service): Record<ImportColumn, string> {
  return {
    instansi: agencyId,
    layanan: s.id,
    nama: s.name.id,
    nama_en: s.name.en ?? '',
    biaya_en: s.cost.kind === 'variable' ? (s.cost.note.en ?? '') : '',
    biaya:
      s.cost.kind === 'free'
        ? 'gratis'
        : s.cost.kind === 'fixed' && s.cost.items.length === 1
          ? String(s.cost.items[0]?.amount ?? '')
          : s.cost.kind === 'variable'
            ? s.cost.note.id === UNRECORDED_TEXT.id
              ? 'belum-dicatat'
              : s.cost.note.id
            : s.cost.items.map((item) => `${item.label.id}: ${item.amount}`).join(' | '),
    dasar_hukum: s.cost.legalBasis ?? '',
    waktu: s.duration.id === UNRECORDED_TEXT.id ? 'belum-dicatat' : s.duration.id,
    waktu_en: s.duration.en ?? '',
    produk: s.product.id === UNRECORDED_TEXT.id ? 'belum-dicatat' : s.product.id,
    produk_en: s.product.en ?? '',
    prosedur: s.procedure.map((p) => p.id).join(' | '),
    prosedur_en: s.procedure.map((p) => p.en ?? '').join(' | '),
    persyaratan:
      s.requirements[0]?.id === UNRECORDED
        ? UNRECORDED
        : s.requirements.map((r) => r.label.id).join(' | '),
    persyaratan_en: s.requirements.map((r) => r.label.en ?? '').join(' | '),
    kuota_harian: s.dailyQuota === undefined ? '' : String(s.dailyQuota),
    menit_layanan: String(s.averageServiceMinutes),
    dilayani_di: s.servedAt ?? '',
  };
}
