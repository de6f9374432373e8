/**
 * The SKM survey on the citizen's phone page: offered only once the page's own ticket is
 * served and until it is answered; every question answered before anything is sent; the
 * answer sent as the server takes it, kept on the phone while it cannot be sent, and sent
 * again when the phone is back online or the page opens again.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JourneyStepStatus, TicketStatus } from '../../src/domain/protocol';
import { TicketStatusPage } from '../../src/ui/status/TicketStatusPage';

/** Each test its own ticket: what a page keeps while open is kept per ticket. */
let serial = 0;
function ticketId(): string {
  serial += 1;
  return `0190f5e0-0000-7000-8000-${String(serial).padStart(12, '0')}`;
}

function served(id: string, survey: TicketStatus['survey'] = 'open'): TicketStatus {
  return {
    id,
    number: 'D-004',
    agencyId: 'imigrasi',
    serviceId: 'imigrasi-paspor-baru',
    agencyName: { id: 'Imigrasi', en: 'Immigration' },
    serviceName: { id: 'Paspor Baru', en: 'New passport' },
    businessDay: '2026-11-23',
    issuedAt: Date.UTC(2026, 10, 23, 2, 0),
    language: 'id',
    status: survey === null ? 'waiting' : 'done',
    loket: '3',
    transfers: 0,
    journey: null,
    peopleAhead: 0,
    waitMinutes: 0,
    finish: null,
    visits: [],
    survey,
  };
}

function showPage(status: TicketStatus, lang: 'id' | 'en' = 'id') {
  return render(
    <TicketStatusPage view={{ kind: 'found', status, checkedAt: 0 }} config={null} lang={lang} />,
  );
}

const storageKey = (id: string) => `anjungan.skm.${id}`;

/** A fetch answering each call in turn with `status` and a JSON body (or throwing). */
function fetchAnswering(...answers: ({ status: number; body: unknown } | Error)[]) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => {
    const answer = answers.shift();
    if (answer === undefined) throw new Error('no answer left');
    if (answer instanceof Error) throw answer;
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** Waits for the survey's lazy code and returns question `n` (1–9) as its group. */
async function question(n: number): Promise<HTMLElement> {
  await screen.findByRole('button', { name: /^(Kirim survei|Send the survey)$/ });
  const group = document.getElementById(`skm-q${n}`);
  if (!group) throw new Error(`no question ${n}`);
  return group;
}

/** Picks the answer shown as `words` for question `n`. */
async function choose(n: number, words: string) {
  fireEvent.click(within(await question(n)).getByRole('radio', { name: words }));
}

/** Answers every question but those in `skip`, with the scores below (1–4). */
const WORDS_ID = [
  'Sangat sesuai', // 4
  'Mudah', // 3
  'Sangat cepat', // 4
  'Gratis', // 4
  'Sesuai', // 3
  'Kurang kompeten', // 2
  'Sangat sopan dan ramah', // 4
  'Baik', // 3
  'Tidak ada', // 1
];
const SCORES = [4, 3, 4, 4, 3, 2, 4, 3, 1];

async function answerAll(skip: number[] = []) {
  for (const [i, words] of WORDS_ID.entries()) {
    if (!skip.includes(i + 1)) await choose(i + 1, words);
  }
}

const send = () => fireEvent.click(screen.getByRole('button', { name: 'Kirim survei' }));

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the SKM survey on the phone page', () => {
  it('is offered, nine questions of four answers each, once the ticket is served', async () => {
    showPage(served(ticketId()));

    expect(screen.getByRole('heading', { level: 2, name: 'Survei Kepuasan Masyarakat' })).toBe(
      screen.getByRole('region', { name: 'Survei Kepuasan Masyarakat' }).querySelector('h2'),
    );
    const first = await question(1);
    expect(first.tagName).toBe('FIELDSET');
    expect(
      screen.getByRole('group', {
        name: '1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      }),
    ).toBe(first);
    expect(
      within(first)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['1', '2', '3', '4']);
    // Each a label with the answer's words and a face that only decorates (four faces).
    const labels = within(first)
      .getAllByRole('radio')
      .map((r) => r.closest('label'));
    expect(labels.map((label) => label?.textContent)).toEqual([
      'Tidak sesuai',
      'Kurang sesuai',
      'Sesuai',
      'Sangat sesuai',
    ]);
    const faces = labels.map((label) => label?.querySelector('svg'));
    expect(faces.map((svg) => svg?.getAttribute('aria-hidden'))).toEqual([
      'true',
      'true',
      'true',
      'true',
    ]);
    expect(new Set(faces.map((svg) => svg?.querySelector('path')?.getAttribute('d'))).size).toBe(4);
    const ninth = await question(9);
    expect(within(ninth).getAllByRole('radio', { name: /./ })).toHaveLength(4);
    expect(within(ninth).getByRole('radio', { name: 'Ada tetapi tidak berfungsi' })).toBeTruthy();
    expect(document.querySelectorAll('fieldset.skm-q')).toHaveLength(9);
    // The optional part: each profile choice may stay empty, and the suggestion is counted.
    const age = screen.getByRole('combobox', { name: 'Usia' }) as HTMLSelectElement;
    expect(age.value).toBe('');
    expect(age.options[0]?.textContent).toBe('— tidak diisi —');
    for (const name of ['Jenis kelamin', 'Pendidikan terakhir', 'Pekerjaan']) {
      expect(screen.getByRole('combobox', { name })).toBeTruthy();
    }
    expect(screen.getByText('0/500 karakter')).toBeTruthy();
  });

  it.each([
    ['answered', 'Survei sudah diisi. Terima kasih.'],
    [null, null],
  ] as const)('offers no form when the survey is %s', async (survey, line) => {
    const fetch = fetchAnswering();
    const { container } = showPage(served(ticketId(), survey));
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(container.querySelector('form')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByText('Survei Kepuasan Masyarakat')).toBeNull();
    expect(line === null ? null : screen.getByText(line).textContent).toBe(line);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('is not offered on another step of a journey than the page’s own', async () => {
    const id = ticketId();
    const own = served(id);
    const next: JourneyStepStatus = {
      step: 2,
      id: ticketId(),
      number: 'E-003',
      agencyId: 'bpjs-kesehatan',
      serviceId: 'bpjs-kesehatan-perubahan-data',
      agencyName: { id: 'BPJS Kesehatan', en: 'BPJS Health' },
      serviceName: { id: 'Perubahan Data Peserta', en: 'Member data change' },
      status: 'waiting',
      loket: null,
      peopleAhead: 1,
      waitMinutes: 10,
    };
    const {
      businessDay: _d,
      issuedAt: _i,
      transfers: _t,
      journey: _j,
      finish: _f,
      visits: _v,
      survey: _s,
      ...mine
    } = own;
    showPage({
      ...own,
      journey: { step: 1, of: 2, current: 2, steps: [{ ...mine, step: 1 }, next] },
    });
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(screen.getByText('E-003', { selector: '.ticket-number' })).toBeTruthy();
    expect(screen.queryByText('Survei Kepuasan Masyarakat')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('names the questions not answered yet, focuses the first and sends nothing', async () => {
    const fetch = fetchAnswering({ status: 201, body: { answered: true } });
    showPage(served(ticketId()));
    await answerAll([2, 9]);

    send();

    expect(screen.getByRole('alert').textContent).toBe(
      'Belum dijawab: pertanyaan 2 (Sistem, Mekanisme, dan Prosedur), 9 (Penanganan Pengaduan, Saran dan Masukan). Silakan pilih satu jawaban untuk setiap pertanyaan.',
    );
    expect(document.activeElement).toBe(await question(2));
    expect((await question(2)).className).toContain('skm-q--missing');
    expect(within(await question(2)).getByText('Belum dijawab')).toBeTruthy();
    expect((await question(1)).className).not.toContain('skm-q--missing');
    expect(fetch).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
  });

  it('sends the nine scores in order with only what was filled in, then thanks', async () => {
    const id = ticketId();
    const fetch = fetchAnswering({ status: 201, body: { answered: true } });
    showPage(served(id));
    await answerAll();
    // A changed mind: the last choice counts.
    await choose(6, 'Tidak kompeten');
    await choose(6, 'Kurang kompeten');
    fireEvent.change(screen.getByRole('combobox', { name: 'Usia' }), {
      target: { value: '30-39' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Pekerjaan' }), {
      target: { value: 'wirausaha' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Pekerjaan' }), {
      target: { value: '' },
    });
    const typed = 'Antrean cepat.\r\n\r\n  Petugas ramah\tsekali. ';
    fireEvent.input(screen.getByRole('textbox', { name: /^Saran untuk layanan ini/ }), {
      target: { value: typed },
    });
    expect(screen.getByText(`${typed.length}/500 karakter`)).toBeTruthy();

    send();

    expect(await screen.findByText('Terima kasih, jawaban Anda sudah kami terima.')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`/api/v1/tickets/${id}/skm`);
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toStrictEqual({
      answers: SCORES,
      ageBand: '30-39',
      suggestion: 'Antrean cepat. Petugas ramah sekali.',
    });
    expect(screen.queryByRole('radio')).toBeNull();
    expect(localStorage.getItem(storageKey(id))).toBeNull();
  });

  it('takes “answered already” as done', async () => {
    const id = ticketId();
    fetchAnswering({
      status: 409,
      body: { error: 'already_answered', message: 'Survei tiket ini sudah diisi; terima kasih.' },
    });
    showPage(served(id));
    await answerAll();

    send();

    expect(await screen.findByText('Terima kasih, jawaban Anda sudah kami terima.')).toBeTruthy();
    expect(localStorage.getItem(storageKey(id))).toBeNull();
  });

  it.each([
    ['no network', new TypeError('Failed to fetch')],
    ['a failing server', { status: 503, body: { error: 'busy', message: 'Busy.' } }],
  ])('keeps the answer on the phone with %s, and sends it once online', async (_, failure) => {
    const id = ticketId();
    const fetch = fetchAnswering(failure, { status: 201, body: { answered: true } });
    showPage(served(id));
    await answerAll();

    send();

    expect(
      await screen.findByText(
        'Belum terkirim: jawaban disimpan di perangkat ini dan dikirim otomatis saat tersambung.',
      ),
    ).toBeTruthy();
    const kept = JSON.parse(localStorage.getItem(storageKey(id)) ?? 'null');
    expect(kept).toStrictEqual({ answers: SCORES });
    expect(screen.queryByRole('radio')).toBeNull();

    // Back online (the page listens once its effects have run: until then, again).
    await waitFor(() => {
      window.dispatchEvent(new Event('online'));
      expect(fetch).toHaveBeenCalledTimes(2);
    });

    expect(await screen.findByText('Terima kasih, jawaban Anda sudah kami terima.')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1]?.[1]?.body).toBe(JSON.stringify({ answers: SCORES }));
    expect(localStorage.getItem(storageKey(id))).toBeNull();
  });

  it('sends an answer kept on the phone when the page opens, and forgets it once sent', async () => {
    const id = ticketId();
    const other = ticketId();
    const request = { answers: [1, 2, 3, 4, 4, 3, 2, 1, 2], sex: 'perempuan', suggestion: 'Baik' };
    localStorage.setItem(storageKey(id), JSON.stringify(request));
    localStorage.setItem(storageKey(other), JSON.stringify({ answers: SCORES }));
    const fetch = fetchAnswering({ status: 201, body: { answered: true } });

    showPage(served(id));

    expect(await screen.findByText('Terima kasih, jawaban Anda sudah kami terima.')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe(`/api/v1/tickets/${id}/skm`);
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toStrictEqual(request);
    expect(localStorage.getItem(storageKey(id))).toBeNull();
    // Another ticket's answer is that ticket's page's business.
    expect(localStorage.getItem(storageKey(other))).not.toBeNull();
  });

  it('forgets a kept answer when the server says the survey is answered', async () => {
    const id = ticketId();
    localStorage.setItem(storageKey(id), JSON.stringify({ answers: SCORES }));
    const fetch = fetchAnswering();

    showPage(served(id, 'answered'));

    await waitFor(() => expect(localStorage.getItem(storageKey(id))).toBeNull());
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal and keeps everything typed', async () => {
    const id = ticketId();
    fetchAnswering({
      status: 400,
      body: {
        error: 'invalid_request',
        message: 'The request does not match the protocol; see issues.',
        issues: [{ path: '$.suggestion', message: 'must be at most 500 characters' }],
      },
    });
    showPage(served(id));
    await answerAll();
    const suggestion = screen.getByRole('textbox', { name: /^Saran/ }) as HTMLTextAreaElement;
    fireEvent.input(suggestion, { target: { value: 'Ruang tunggu panas' } });

    send();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Jawaban belum diterima server:The request does not match the protocol; see issues. $.suggestion: must be at most 500 characters',
    );
    expect(
      within(await question(1)).getByRole<HTMLInputElement>('radio', { name: 'Sangat sesuai' })
        .checked,
    ).toBe(true);
    expect(
      within(await question(9)).getByRole<HTMLInputElement>('radio', { name: 'Tidak ada' }).checked,
    ).toBe(true);
    expect((screen.getByRole('textbox', { name: /^Saran/ }) as HTMLTextAreaElement).value).toBe(
      'Ruang tunggu panas',
    );
    expect(localStorage.getItem(storageKey(id))).toBeNull();
  });

  it('speaks English when the page does', async () => {
    fetchAnswering();
    showPage(served(ticketId()), 'en');

    expect(
      screen.getByRole('heading', { level: 2, name: 'Public satisfaction survey' }),
    ).toBeTruthy();
    const first = await question(1);
    expect(
      screen.getByRole('group', {
        name: '1. How well do the requirements fit the kind of service?',
      }),
    ).toBe(first);
    expect(within(first).getByRole('radio', { name: 'Very suitable' })).toBeTruthy();
    expect(
      (screen.getByRole('combobox', { name: 'Age' }) as HTMLSelectElement).options[0]?.textContent,
    ).toBe('— not given —');
    expect(screen.getByRole('group', { name: 'About you (optional)' })).toBeTruthy();
    expect(screen.getByText('0/500 characters')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Send the survey' }));

    expect(screen.getByRole('alert').textContent).toContain(
      'Not answered yet: questions 1 (Requirements), 2 (System, mechanism and procedure)',
    );
  });

  it('says so in English when it is answered', () => {
    showPage(served(ticketId(), 'answered'), 'en');

    expect(screen.getByText('Survey answered. Thank you.')).toBeTruthy();
  });
});
