/**
 * /privasi: what Anjungan keeps about the people it serves and for how long, and who
 * answers for it (UU 27/2022 on personal data protection): the data controller and its
 * contact from the site's config. One small page, rendered by the server from the config,
 * Indonesian first and English under it; no script.
 */
import type { ConfigBundle } from '../../domain/config/schema';
import { localized } from '../../domain/i18n/local-text';
import { DEVICE_RETENTION_DAYS as RETENTION_DAYS } from '../../domain/lease-days';

const htmlText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page for the site of `config`. */
export function privacyPage(config: ConfigBundle): string {
  const site = htmlText(localized(config.site.name, 'id'));
  const controller = htmlText(config.site.privacy.controller);
  const contact = htmlText(config.site.privacy.contact);
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privasi — ${site}</title>
<style>
body{font:18px/1.5 system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111}
main{max-width:44rem;margin:0 auto;padding:16px 20px 40px;background:#fff}
h1{font-size:1.6em;margin:.4em 0}h2{font-size:1.2em;margin:1.2em 0 .3em}
section+section{border-top:2px solid #5b6470;margin-top:1.5em}
</style>
</head>
<body>
<main>
<section lang="id" aria-labelledby="privasi-id">
<h1 id="privasi-id">Privasi di ${site}</h1>
<p>Pengendali data: <strong>${controller}</strong>. Pertanyaan dan permintaan tentang data Anda: ${contact}.</p>
<h2>Yang kami simpan</h2>
<ul>
<li>Untuk setiap nomor antrean: nomornya, instansi dan layanan, waktu terbit, dipanggil dan selesai, loket yang melayani, dan kode petugas (bukan namanya). <strong>Tidak ada NIK, nama atau nomor telepon warga.</strong></li>
<li>Jawaban Survei Kepuasan Masyarakat, tanpa nama; usia, jenis kelamin, pendidikan, pekerjaan dan saran hanya bila Anda mengisinya.</li>
<li>Untuk petugas: nama, peran, instansi, dan turunan PIN (bukan PIN-nya). Untuk perangkat: nama dan keadaannya.</li>
</ul>
<h2>Berapa lama</h2>
<p>Anjungan dan loket menghapus catatan yang sudah terkirim ke server setelah ${RETENTION_DAYS} hari. Server menyimpan catatan antrean sebagai arsip layanan ${site}; catatan ini tidak berisi data pribadi warga. Saran yang Anda tulis di survei dihapus setelah ${config.site.privacy.retentionDays} hari (jawaban tanpa nama tetap dihitung), begitu pula data pribadi (nomor HP, NIK) yang diminta layanan tertentu, yang hanya diisi bila Anda menyetujuinya, disimpan terpisah dari catatan antrean, dan disamarkan di layar dan tiket.</p>
<h2>Hak Anda</h2>
<p>Menurut UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi, Anda berhak mendapat informasi, mengakses, memperbaiki, dan meminta penghapusan data pribadi Anda. Hubungi pengendali data di atas.</p>
</section>
<section lang="en" aria-labelledby="privacy-en">
<h1 id="privacy-en">Privacy at ${site}</h1>
<p>Data controller: <strong>${controller}</strong>. Questions and requests about your data: ${contact}.</p>
<h2>What we keep</h2>
<ul>
<li>For each queue ticket: its number, agency and service, when it was issued, called and finished, the counter that served it, and the staff member's code (not their name). <strong>No NIK, name or phone number of a citizen.</strong></li>
<li>Answers to the satisfaction survey, with no name; age, sex, education, occupation and a suggestion only when you give them.</li>
<li>For staff: name, role, agencies, and a value derived from the PIN (not the PIN). For devices: their name and state.</li>
</ul>
<h2>For how long</h2>
<p>Kiosks and counters delete records already sent to the server after ${RETENTION_DAYS} days. The server keeps the queue records as ${site}'s service archive; they hold no citizen's personal data. The suggestions you write in the survey are deleted after ${config.site.privacy.retentionDays} days (the anonymous answers still count), and so is personal data (a phone number, a NIK) a service may ask for, given only with your consent, kept apart from the queue records and masked on screen and ticket.</p>
<h2>Your rights</h2>
<p>Under Law No. 27 of 2022 on Personal Data Protection you may be informed of, see, correct and ask for the deletion of your personal data. Contact the data controller above.</p>
</section>
</main>
</body>
</html>
`;
}
