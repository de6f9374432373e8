/**
 * The simulated network between the devices and the server: each device's `fetch` goes
 * through it to the in-process app. Per message it may lose the request, hold it and
 * deliver it later (after others: reordering), deliver it twice, or deliver it and lose
 * the answer (a lost acknowledgement); a partitioned device reaches nothing. Every
 * choice comes from the run's seeded generator.
 */
import type { Rng } from './rng';
import type { Stats } from './stats';

/** Chance per message of each fault, 0 to 1. */
export type FaultRates = {
  dropRequest: number;
  dropResponse: number;
  duplicate: number;
  delay: number;
};

export const CLEAN: FaultRates = { dropRequest: 0, dropResponse: 0, duplicate: 0, delay: 0 };

/** A request as it left the device, kept to be delivered (again) later. */
type Message = {
  device: number;
  url: string;
  method: string;
  headers: [string, string][];
  /** JSON text, or a gzipped push's bytes. */
  body: string | ArrayBuffer | undefined;
};

/** Where messages are delivered: the server's current app (it changes on restart). */
export type Endpoint = { request(url: string, init: RequestInit): Response | Promise<Response> };

export class SimNetwork {
  rates: FaultRates = CLEAN;
  readonly partitioned = new Set<number>();
  /** Requests in flight: delivered by `deliverHeld` or at heal. */
  readonly held: Message[] = [];

  constructor(
    private readonly rng: Rng,
    private readonly endpoint: () => Endpoint,
    private readonly stats: Stats,
  ) {}

  /** The `fetch` of device `device`. */
  fetchFor(device: number): typeof fetch {
    return async (input, init) => {
      init?.signal?.throwIfAborted();
      const message: Message = {
        device,
        url: String(input),
        method: init?.method ?? 'GET',
        headers: [...new Headers(init?.headers).entries()],
        body: bodyOf(init?.body),
      };
      if (this.partitioned.has(device)) {
        this.stats.add('net.partitioned');
        throw new TypeError('network unreachable');
      }
      const rates = this.rates;
      if (this.rng.next() < rates.dropRequest) {
        this.stats.add('net.requestLost');
        throw new TypeError('request lost');
      }
      if (this.rng.next() < rates.delay) {
        this.held.push(message);
        this.stats.add('net.delayed');
        throw new TypeError('request timed out');
      }
      const response = await this.deliver(message);
      if (this.rng.next() < rates.duplicate) {
        this.stats.add('net.duplicated');
        if (this.rng.next() < 0.5) await this.deliver(message);
        else this.held.push(message);
      }
      if (this.rng.next() < rates.dropResponse) {
        this.stats.add(`net.answerLost.${kindOf(message)}`);
        throw new TypeError('answer lost');
      }
      return response;
    };
  }

  /** Delivers the held message at `index` (modulo how many are held), answer discarded. */
  async deliverHeld(index: number): Promise<void> {
    if (this.held.length === 0) return;
    const [message] = this.held.splice(index % this.held.length, 1);
    if (message === undefined) return;
    this.stats.add('net.deliveredLate');
    await this.deliver(message);
  }

  /** The network heals: no more faults or partitions; what is in flight arrives, in any order. */
  async heal(): Promise<void> {
    this.rates = CLEAN;
    this.partitioned.clear();
    for (const message of this.rng.shuffle(this.held.splice(0))) {
      this.stats.add('net.deliveredLate');
      await this.deliver(message);
    }
  }

  /** Hands a message to the app and reads its whole answer. */
  private async deliver(message: Message): Promise<Response> {
    const answer = await this.endpoint().request(message.url, {
      method: message.method,
      headers: message.headers,
      body: message.body,
    });
    const text = await answer.text();
    if (answer.status >= 500) this.stats.add('net.serverError');
    return new Response(text, { status: answer.status, headers: answer.headers });
  }
}

function kindOf(message: Message): string {
  const path = new URL(message.url).pathname;
  return path.slice(path.lastIndexOf('/') + 1);
}

/** What a request carries that the network can hold and deliver again. */
function bodyOf(body: BodyInit | null | undefined): string | ArrayBuffer | undefined {
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return body.slice(0);
  return undefined;
}
