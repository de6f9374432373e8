/**
 * Emergency tags: the letters of a device's own number namespace (A-K001), A…Z, then
 * AA, AB, … (bijective base 26, like spreadsheet columns).
 */

/** The tag at position `index` (0 → A, 25 → Z, 26 → AA). */
export function emergencyTagAt(index: number): string {
  let n = index + 1;
  let tag = '';
  while (n > 0) {
    const digit = (n - 1) % 26;
    tag = String.fromCharCode(65 + digit) + tag;
    n = Math.floor((n - 1) / 26);
  }
  return tag;
}

/** The first tag in order that is not in `taken`. */
export function firstFreeTag(taken: ReadonlySet<string>): string {
  for (let i = 0; ; i++) {
    const tag = emergencyTagAt(i);
    if (!taken.has(tag)) return tag;
  }
}
