/**
 * Schema and role names are spliced into SQL text (DDL, trigger bodies), where parameters cannot
 * go. Only plain lower-case identifiers are accepted, so quoting can never be escaped.
 */
const PLAIN = /^[a-z_][a-z0-9_]{0,62}$/;

/** Returns `"name"` for a plain identifier; throws for anything else. */
export function quoteIdent(name: string): string {
  if (!PLAIN.test(name)) throw new Error(`logboek: ${JSON.stringify(name)} is not a plain lower-case SQL identifier`);
  return `"${name}"`;
}
