/**
 * ESC/POS benchmark (not a test): encoding one ticket — the sample catalogue's KTP-el
 * reprint with its QR code — for 58 and 80 mm paper: bytes on the wire, and p50/p95 of
 * the encoding in Node after a warm-up.
 * Run: npx tsx test/bench/escpos.bench.ts
 */
import { EMPTY_ANSWERS } from '../../src/domain/requirements';
import { encodeEscPos } from '../../src/printing/escpos';
import { ticketLayout } from '../../src/printing/ticket-layout';
import { kioskBundle } from '../fixtures/kiosk';
import { SAMPLE_TICKET } from '../fixtures/tickets';

const WARM = 200;
const SAMPLES = 2_000;

const doc = ticketLayout({
  config: kioskBundle(),
  ticket: SAMPLE_TICKET,
  lang: 'id',
  answers: EMPTY_ANSWERS,
  url: 'https://antrean.mpp.contoh.go.id/t/0190f5e0-0000-7000-8000-000000000001',
});

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

console.info(
  'ESC/POS: one ticket encoded (lines, QR code by the printer, cut), Node, after warm-up:',
);
for (const paper of [58, 80] as const) {
  for (let i = 0; i < WARM; i++) encodeEscPos(doc, paper);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    bytes = encodeEscPos(doc, paper).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.info(
    `   ${paper} mm: ${bytes} bytes; encoding p50 ${quantile(times, 0.5).toFixed(3)} ms, p95 ${quantile(times, 0.95).toFixed(3)} ms (${SAMPLES} runs)`,
  );
}
