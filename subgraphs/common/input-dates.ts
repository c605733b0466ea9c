/**
 * Dates in the acts' inputs, checked before a resolver runs. The schemas type them as `String`
 * (`2026-11-10`, or a moment with its zone, `2026-11-10T09:30:00Z`) and name them by one convention
 * (`…Op`, `…Per`, `…datum`, `datum…`, `geldigTot`, `tot`, `vanaf`); a value that is no real date used to reach
 * the database and come back as an internal error. Now it is `ONGELDIGE_INVOER` naming the field —
 * never echoing the value, which may be a birth date.
 */
import { getNullableType, isInputObjectType, isListType, isScalarType, type GraphQLInputType } from 'graphql';

/** The names a date input goes by in the subgraphs' schemas. */
const DATUMNAAM = /(^datum|datum$|Datum$|Op$|Per$|^geldigTot$|^tot$|^vanaf$)/;

const DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;
const MOMENT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date (`2026-02-30` is not), alone or as the start of a moment with its zone. */
export function isDatum(value: string): boolean {
  const m = DATUM.exec(value) ?? MOMENT.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && Number.isFinite(Date.parse(value));
}

export function isDatumNaam(name: string): boolean {
  return DATUMNAAM.test(name);
}

/** The paths (`input.gesprekOp`) of the date inputs among `args` that hold no real date. */
export function ongeldigeDatums(args: Record<string, unknown>, defs: Readonly<Record<string, { type: GraphQLInputType }>>): string[] {
  const out: string[] = [];
  const walk = (value: unknown, type: GraphQLInputType, name: string, path: string): void => {
    if (value === null || value === undefined) return;
    const t = getNullableType(type);
    if (isListType(t)) {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, t.ofType, name, `${path}[${i}]`));
    } else if (isInputObjectType(t)) {
      for (const [k, f] of Object.entries(t.getFields())) walk((value as Record<string, unknown>)[k], f.type, k, `${path}.${k}`);
    } else if (isScalarType(t) && t.name === 'String' && isDatumNaam(name) && typeof value === 'string' && !isDatum(value)) {
      out.push(path);
    }
  };
  for (const [k, def] of Object.entries(defs)) walk(args[k], def.type, k, k);
  return out;
}
