/**
 * Who is asking, for the attempt limits: the TCP peer's address, never a header a client
 * can write (X-Forwarded-For is not trusted: the server is not behind a proxy of ours).
 * IPv6 addresses count by their /64, the block one subscriber line usually gets, so one
 * client cannot dodge its lockout by changing the low bits.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** How the app learns a request's client address (injected in tests: app.request has no socket). */
export type ClientAddress = (c: Context) => string | undefined;

/** The socket's remote address; undefined without one. */
export const socketAddress: ClientAddress = (c) => {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
};

/** The key an address is limited under: IPv4 as is (also when IPv4-mapped), IPv6 by /64. */
export function addressKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  return `${expandIpv6(address.split('%')[0] ?? '')
    .slice(0, 4)
    .join(':')}::/64`;
}

/** The eight hextets of an IPv6 address ("2001:db8::1" → 2001, db8, 0, …, 1). */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array.from({ length: Math.max(0, zeros) }, () => '0'), ...right].map((h) =>
    h.replace(/^0+(?=.)/, ''),
  );
}
