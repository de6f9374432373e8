/**
 * An emulated mobile link between a device and the site server: a TCP proxy on loopback
 * that delays every chunk by half the round trip and paces each direction at the link's
 * rate (Chrome's "Slow 3G" is 400 kbit/s each way, 400 ms round trip), counting the bytes.
 * `cutEvery` closes a connection once that many bytes have crossed it (a flaky link).
 */
import { connect, createServer, type Socket } from 'node:net';

export type SlowLinkOptions = {
  /** Bits per second, each direction. */
  bitsPerSecond: number;
  /** Round trip, ms (half is added to each chunk, each way). */
  rttMs: number;
  /** Close a connection after this many bytes crossed it (both ways); none when absent. */
  cutEvery?: number;
};

export type SlowLink = {
  url: string;
  /** Bytes carried device → server and server → device. */
  bytes: { up: number; down: number };
  cuts: number;
  close(): Promise<void>;
};

/** A paced, delayed pipe from `from` to `to`; returns the bytes it carried so far. */
function pace(from: Socket, to: Socket, options: SlowLinkOptions, carried: (n: number) => void) {
  const bytesPerMs = options.bitsPerSecond / 8 / 1000;
  let free = 0;
  from.on('data', (chunk: Buffer) => {
    const now = performance.now();
    const start = Math.max(now, free);
    free = start + chunk.length / bytesPerMs;
    const at = free + options.rttMs / 2;
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
      carried(chunk.length);
    }, at - now);
  });
  from.on('end', () =>
    setTimeout(() => to.end(), Math.max(0, free - performance.now()) + options.rttMs / 2),
  );
  from.on('error', () => to.destroy());
}

/** Starts the link in front of `target` (http://127.0.0.1:port). */
export async function startSlowLink(target: string, options: SlowLinkOptions): Promise<SlowLink> {
  const { port: targetPort, hostname } = new URL(target);
  const link = { bytes: { up: 0, down: 0 }, cuts: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((device) => {
    const upstream = connect(Number(targetPort), hostname);
    sockets.add(device);
    sockets.add(upstream);
    let crossed = 0;
    const count = (direction: 'up' | 'down') => (n: number) => {
      link.bytes[direction] += n;
      crossed += n;
      if (options.cutEvery !== undefined && crossed >= options.cutEvery && !device.destroyed) {
        link.cuts += 1;
        device.destroy();
        upstream.destroy();
      }
    };
    pace(device, upstream, options, count('up'));
    pace(upstream, device, options, count('down'));
    upstream.on('error', () => device.destroy());
    for (const s of [device, upstream]) s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', () => ready()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get bytes() {
      return link.bytes;
    },
    get cuts() {
      return link.cuts;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
