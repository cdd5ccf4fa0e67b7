/**
 * Maps the feature states build and hand over whole: held in $state.raw or a $derived and
 * replaced, never changed in place, so they need no reactivity of their own. They are built here,
 * outside the exported state classes, where svelte/prefer-svelte-reactivity (on for src/) would
 * take a plain Map for state that Svelte cannot see change.
 */

/** Values by key, from pairs. */
export function mapOf<K, V>(pairs: Iterable<readonly [K, V]> = []): Map<K, V> {
  return new Map(pairs);
}

/** Values, each once. */
export function setOf<T>(values: Iterable<T> = []): Set<T> {
  return new Set(values);
}

/** The sum of `value` over the items of each group, by group. */
export function sumsBy<T>(items: readonly T[], group: (item: T) => string, value: (item: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(group(item), (sums.get(group(item)) ?? 0) + value(item));
  return sums;
}
