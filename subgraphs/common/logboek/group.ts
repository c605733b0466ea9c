/**
 * Turns one request's access records (one per resolved or refused field) into processing records
 * ("verwerkingen"): one per data subject/case, processing activity and outcome, listing the
 * fields. A query that reads twenty fields of one resident for one purpose is one processing, and
 * the resident's overview should say so once — not twenty times.
 */
import type { AccessRecord } from '../../../schema/transform.js';
import { activityId } from './tables.js';

/** A processing record before it gets its place in the chain. */
export interface ProcessingGroup {
  readonly trajectId: string | null;
  readonly betrokkene: string | null;
  readonly verwerkingsactiviteitId: string;
  readonly toegestaan: boolean;
  readonly reden: string | null;
  readonly grondslag: string;
  readonly doel: string;
  readonly fase: string | null;
  readonly relatie: string | null;
  readonly toestemmingId: string | null;
  readonly doorbrekingId: string | null;
  readonly categorieen: string[];
  readonly velden: string[];
}

/** A BSN has nine digits; the log holds pseudonymous references only, so one is refused outright. */
const LOOKS_LIKE_BSN = /^\d{8,9}$/;

/**
 * Groups the records, keeping the order in which each group first occurred; fields and categories
 * are de-duplicated and sorted so the hashed content does not depend on resolver order. For a
 * refusal the field's declared basis and purpose are recorded (what the access would have rested
 * on); for an access, the ones the decision used (e.g. `TOESTEMMING`, `CONFLICT_VAN_PLICHTEN`).
 */
export function groupRecords(records: readonly AccessRecord[], subgraph: string): ProcessingGroup[] {
  const groups = new Map<string, { group: ProcessingGroup; velden: Set<string>; categorieen: Set<string> }>();
  for (const { trajectId, betrokkene, field, decision } of records) {
    if (betrokkene !== null && LOOKS_LIKE_BSN.test(betrokkene)) {
      throw new Error('logboek: betrokkene looks like a BSN; only pseudonymous references may be logged');
    }
    const allowed = decision.allowed;
    const doel = allowed ? decision.doel : field.doel;
    const verwerkingsactiviteitId = activityId(subgraph, field.categorie, doel);
    const reden = allowed ? null : decision.reden;
    const grondslag = allowed ? decision.grondslag : field.grondslag;
    const fase = decision.fase ?? null;
    const relatie = decision.relatie ?? null;
    const toestemmingId = (allowed && decision.toestemmingId) || null;
    const doorbrekingId = (allowed && decision.doorbrekingId) || null;
    const traject = trajectId === '' ? null : trajectId;
    // Everything but the fields and categories, as one string: a request reads hundreds of fields
    // (the gemeente's research view of 20 cases about 600), and a group object per field was most
    // of the log's grouping cost.
    const key = JSON.stringify([traject, betrokkene, verwerkingsactiviteitId, allowed, reden, grondslag, doel, fase, relatie, toestemmingId, doorbrekingId]);
    let entry = groups.get(key);
    if (!entry) {
      const group: ProcessingGroup = {
        trajectId: traject,
        betrokkene,
        verwerkingsactiviteitId,
        toegestaan: allowed,
        reden,
        grondslag,
        doel,
        fase,
        relatie,
        toestemmingId,
        doorbrekingId,
        categorieen: [],
        velden: [],
      };
      entry = { group, velden: new Set(), categorieen: new Set() };
      groups.set(key, entry);
    }
    entry.velden.add(field.coordinate);
    entry.categorieen.add(field.categorie);
  }
  return [...groups.values()].map(({ group, velden, categorieen }) => ({
    ...group,
    velden: [...velden].sort(),
    categorieen: [...categorieen].sort(),
  }));
}
