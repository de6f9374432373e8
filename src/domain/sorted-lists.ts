/** Small helpers for the queue state's sorted lists and list maps. */

/** Inserts in order; appending (the usual case: events come in log order) costs nothing. */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  const last = list[list.length - 1];
  if (last === undefined || compare(last, item) <= 0) {
    list.push(item);
    return;
  }
  list.splice(insertionPoint(list, item, compare), 0, item);
}

/** Where `item` goes in a sorted list: the count of items before it. */
export function insertionPoint<T>(
  list: readonly T[],
  item: T,
  compare: (a: T, b: T) => number,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid] as T, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function remove<T>(list: T[], item: T): void {
  const at = list.lastIndexOf(item);
  if (at >= 0) list.splice(at, 1);
}

export function listOf<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}
