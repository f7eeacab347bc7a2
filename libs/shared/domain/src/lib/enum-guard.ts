/**
 * Builds the `isX(value): value is X` guard for a const-object enum. Internal: each enum module
 * exports its own named guard so call sites read `isSentiment(x)`.
 */
export function enumGuard<T extends string | number>(
  values: readonly T[],
): (value: unknown) => value is T {
  const known = new Set<unknown>(values);
  return (value: unknown): value is T => known.has(value);
}
