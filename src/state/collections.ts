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

/** The values of the items of each group, each once, by group. */
export function setsBy<T, V>(items: readonly T[], group: (item: T) => string, value: (item: T) => V): Map<string, Set<V>> {
  const sets = new Map<string, Set<V>>();
  for (const item of items) {
    const key = group(item);
    if (!sets.has(key)) sets.set(key, new Set());
    sets.get(key)!.add(value(item));
  }
  return sets;
}

/** Each value's first place (1-based) in `values`: ranks where ties share the better place, once the values are sorted. */
export function firstPlaces<T>(values: readonly T[]): Map<T, number> {
  const places = new Map<T, number>();
  for (const [i, v] of values.entries()) if (!places.has(v)) places.set(v, i + 1);
  return places;
}
