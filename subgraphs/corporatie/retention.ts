/**
 * Retention of the corporations' Woonkans records: offers, the three-party lease and the
 * evaluations of a case go when the regisseur says its term has passed. (A corporation's own
 * tenancy administration outside Woonkans is not in this subgraph.) The access log keeps its rows.
 */
import { retentieVanTabellen, type SubgraphRetentie } from '../common/retention/types.js';
import { evaluaties, huurovereenkomsten, woningaanbiedingen } from './db/tables.js';

const TABELLEN = { woningaanbiedingen, huurovereenkomsten, evaluaties } as const;

export const corporatieRetentie: SubgraphRetentie = retentieVanTabellen('corporatie', TABELLEN);
