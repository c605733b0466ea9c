/**
 * An act's arguments as ordinary objects. graphql-js builds an input object written inline in the
 * operation (`input: { trajectId: $id, … }`) with a null prototype; one sent as a variable is an
 * ordinary object. Which of the two a subgraph receives is the gateway's choice (the Rust query
 * planner keeps literals inline), and drizzle cannot insert a null-prototype object into a JSON
 * column (its `is()` reads the prototype). Made plain once at the door, an act sees the same values
 * either way.
 */
export function plainArgs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainArgs) as T;
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && proto !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = plainArgs(v);
  return out as T;
}
