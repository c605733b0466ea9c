/**
 * What only the regisseur can tell the log's read side, because it holds the routeplanner and the
 * registers: the resident's cases (for `Query.mijnInzage`) and the yearly account of overrides and
 * objections (seed 004: "the number of such decisions, their grounds and the objections are
 * reported yearly"). Counts and metadata only — never the motivation text, which may name people.
 *
 * Only the shape lives here: the regisseur hands its sources in (`subgraphs/regisseur/verantwoording.ts`,
 * wired in `subgraphs/assemble.ts`), so the shared log never reads a subgraph's own tables.
 */
export interface PerSoort {
  readonly partij: string;
  readonly aantal: number;
}

export interface DoorbrekingenJaarverslag {
  readonly jaar: number;
  readonly doorbrekingen: number;
  readonly trajecten: number;
  readonly perOntvanger: readonly PerSoort[];
  readonly criteria: readonly { readonly criterium: string; readonly aantal: number }[];
  readonly inwonerGeinformeerd: number;
  readonly beoordeeld: number;
  readonly terBeoordeling: number;
  readonly bezwaren: number;
}

/** The regisseur's sources for the log's entry points. */
export interface RegisseurVerantwoording {
  /** The cases whose data subject is `betrokkene` (the resident's login subject), oldest first. */
  trajectenVan(betrokkene: string): Promise<{ id: string; code: string }[]>;
  doorbrekingenJaarverslag(jaar: number): Promise<DoorbrekingenJaarverslag>;
}
