/**
 * Builds one subgraph from its configuration: its database (PGlite or PostgreSQL, migrated), its
 * token verifier, its access log and — for all but the regisseur — the regisseur's policy context
 * and routeplanner over HTTP. Used by the embedded launcher and by `npm run start:subgraph`.
 */
import type { JWTVerifyGetKey } from 'jose';
import { createTokenVerifier } from '../schema/identity/verify.js';
import type { SubgraphName } from './catalog.js';
import { openDatabase, type Database } from './common/database.js';
import { createLogboekWriter } from './common/logboek/writer.js';
import { remotePolicyContext } from './common/policy-context.js';
import { remoteRouteplanner } from './common/routeplanner-client.js';
import type { Subgraph } from './common/server.js';
import { createCorporatieSubgraph } from './corporatie/server.js';
import { logboek as corporatieLog } from './corporatie/db/tables.js';
import { createGarantiefondsSubgraph } from './garantiefonds/server.js';
import { logboek as fondsLog } from './garantiefonds/db/tables.js';
import { createGemeenteSubgraph } from './gemeente/server.js';
import { logboek as gemeenteLog } from './gemeente/db/tables.js';
import { createRegisseurSubgraph } from './regisseur/server.js';
import { logboek as regisseurLog } from './regisseur/db/tables.js';

const LOGS = { gemeente: gemeenteLog, regisseur: regisseurLog, corporatie: corporatieLog, garantiefonds: fondsLog };

export const migrationsFolder = (name: SubgraphName) => new URL(`./${name}/migrations`, import.meta.url).pathname;

export interface AssembleOptions {
  readonly name: SubgraphName;
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly regisseurUrl: string;
  readonly auth: { readonly issuer: string; readonly audience: string; readonly jwksUrl: string };
  /** Keys to verify with instead of fetching the JWKS (only for in-process tests of a single subgraph). */
  readonly keys?: JWTVerifyGetKey;
  readonly now?: () => number;
}

export interface AssembledSubgraph {
  readonly subgraph: Subgraph;
  readonly database: Database;
}

export async function assembleSubgraph(options: AssembleOptions): Promise<AssembledSubgraph> {
  const { name } = options;
  const database = await openDatabase({
    schema: name,
    url: options.databaseUrl,
    dataDir: options.databaseUrl ? undefined : options.dataDir,
    migrationsFolder: migrationsFolder(name),
  });
  const now = options.now ?? Date.now;
  const base = {
    database,
    verifyToken: createTokenVerifier(options.auth, options.keys),
    accessLog: createLogboekWriter({ db: database.db, schema: name, subgraph: name, tables: LOGS[name], now: () => new Date(now()) }),
    now,
  };
  const policyContext = remotePolicyContext({ url: options.regisseurUrl });
  const routeplanner = remoteRouteplanner(options.regisseurUrl);
  const subgraph =
    name === 'regisseur'
      ? createRegisseurSubgraph(base)
      : name === 'gemeente'
        ? createGemeenteSubgraph({ ...base, policyContext, routeplanner })
        : name === 'corporatie'
          ? createCorporatieSubgraph({ ...base, policyContext, routeplanner })
          : createGarantiefondsSubgraph({ ...base, policyContext });
  return { subgraph, database };
}
