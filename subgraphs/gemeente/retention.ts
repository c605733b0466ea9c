/**
 * Retention of the gemeente's Wmo file: when the regisseur says a case's term has passed, every row
 * of that case in this subgraph goes — identity, melding, research, documents and plan. The access
 * log keeps its rows (pseudonymous reference and case id only) until its own retention.
 */
import { retentieVanTabellen, type SubgraphRetentie } from '../common/retention/types.js';
import { documenten, inwoners, meldingen, ondersteuningsplannen, onderzoeken } from './db/tables.js';

const TABELLEN = { inwoners, meldingen, onderzoeken, documenten, ondersteuningsplannen } as const;

export const gemeenteRetentie: SubgraphRetentie = retentieVanTabellen('gemeente', TABELLEN);
