/**
 * A browser driven by the DevTools protocol alone, over a pipe: no automation library in the
 * page. Playwright, attached to a page, creates a second JavaScript world in it, runs its own
 * scripts at each new document and reports every console call; at 4× throttle that costs the
 * page tens of milliseconds while it starts, which a kiosk in the lobby never pays. The cold
 * start bench uses this to time the kiosk as it runs there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/browser';

type Message = {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
  sessionId?: string;
};

export type CdpBrowser = {
  /** Sends one command, to the browser or to an attached page (its session id). */
  send(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<unknown>;
  /** Resolves with the first event of that name for which `match` is true. */
  waitFor(method: string, match: (params: Record<string, unknown>) => boolean): Promise<unknown>;
  /** Calls `listener` with every event of that name. */
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
  close(): Promise<void>;
};

/** Starts headless Chromium on `profileDir` with one blank page and a DevTools pipe. */
export function launchCdp(
  profileDir: string,
  viewport = { width: 1080, height: 1920 },
): CdpBrowser {
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profileDir}`,
      `--window-size=${viewport.width},${viewport.height}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const waiters = new Set<{
    method: string;
    match(p: Record<string, unknown>): boolean;
    resolve(v: unknown): void;
  }>();
  const listeners: { method: string; listener(p: Record<string, unknown>): void }[] = [];
  let buffer = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\0');
    while (end >= 0) {
      const message = JSON.parse(buffer.slice(0, end)) as Message;
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf('\0');
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) call?.reject(new Error(message.error.message));
        else call?.resolve(message.result);
      } else if (message.method) {
        for (const l of listeners)
          if (l.method === message.method) l.listener(message.params ?? {});
        for (const waiter of waiters) {
          if (waiter.method === message.method && waiter.match(message.params ?? {})) {
            waiters.delete(waiter);
            waiter.resolve(message.params);
          }
        }
      }
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${method}: no answer from the browser in 30 s`));
        }, 30_000);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      });
    },
    waitFor(method, match) {
      return new Promise((resolve) => waiters.add({ method, match, resolve }));
    },
    on(method, listener) {
      listeners.push({ method, listener });
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Attaches to the browser's first page and returns its session id. */
export async function attachToPage(browser: CdpBrowser): Promise<string> {
  for (let tries = 0; tries < 50; tries++) {
    const { targetInfos } = (await browser.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string }[];
    };
    const page = targetInfos.find((t) => t.type === 'page');
    if (page) {
      const { sessionId } = (await browser.send('Target.attachToTarget', {
        targetId: page.targetId,
        flatten: true,
      })) as { sessionId: string };
      return sessionId;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the browser opened no page');
}
