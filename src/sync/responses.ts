/**
 * Shape checks of the server's answers (src/domain/protocol.ts): a device must not store
 * a cursor or an ack it cannot read. Pulled events are only checked to be an array here;
 * the engine validates each one with parseEvent.
 */
import type { DeviceOrders, LeaseResponse, PullResponse, PushResponse } from '../domain/protocol';

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === 'string';

/** The push answer, or null when it is not one. */
export function checkPushResponse(body: unknown): PushResponse | null {
  if (!isObject(body)) return null;
  const { ackSeq, accepted, flagged, quarantined = 0, epoch, serverTime } = body;
  if (!isCount(ackSeq) || !isCount(accepted) || !isCount(flagged)) return null;
  if (!isCount(quarantined) || !isText(epoch) || !isTime(serverTime)) return null;
  return { ackSeq, accepted, flagged, quarantined, epoch, serverTime };
}

/** The pull answer, or null when it is not one. */
export function checkPullResponse(body: unknown): PullResponse | null {
  if (!isObject(body)) return null;
  const { siteId, events, cursor, head, hasMore, epoch, serverTime } = body;
  if (!Array.isArray(events) || !isCount(cursor) || !isCount(head)) return null;
  if (typeof hasMore !== 'boolean' || !isText(epoch) || !isTime(serverTime)) return null;
  const site = isText(siteId) ? { siteId } : {};
  const orders = deviceOrders(body.device);
  return { ...site, ...orders, events, cursor, head, hasMore, epoch, serverTime };
}

/** The lease answer, or null when it is not one. */
export function checkLeaseResponse(body: unknown): LeaseResponse | null {
  if (!isObject(body)) return null;
  const { businessDay, numbers, quotas, epoch, serverTime } = body;
  if (!isText(businessDay) || !isText(epoch) || !isTime(serverTime)) return null;
  if (!Array.isArray(numbers) || !numbers.every(isNumberLease)) return null;
  if (!Array.isArray(quotas) || !quotas.every(isQuotaGrant)) return null;
  return { businessDay, numbers, quotas, epoch, serverTime };
}

function isNumberLease(v: unknown): v is LeaseResponse['numbers'][number] {
  if (!isObject(v)) return false;
  const { businessDay, prefix, start, end } = v;
  return (
    isText(businessDay) &&
    isText(prefix) &&
    isCount(start) &&
    isCount(end) &&
    start >= 1 &&
    end >= start
  );
}

function isQuotaGrant(v: unknown): v is LeaseResponse['quotas'][number] {
  if (!isObject(v)) return false;
  const { businessDay, serviceId, count, remaining } = v;
  return isText(businessDay) && isText(serviceId) && isCount(count) && isCount(remaining);
}

/** The device's orders of a pull answer, when it carries readable ones. */
function deviceOrders(v: unknown): { device?: DeviceOrders } {
  if (!isObject(v) || !isText(v.profileId)) return {};
  const { profileId, testPrintAt } = v;
  if (testPrintAt !== null && !isCount(testPrintAt)) return {};
  return { device: { profileId, testPrintAt } };
}
