/**
 * Bench only — column (b) of `npm run bench`: the same four subgraphs, with the same resolvers,
 * databases (the very same handles, so the same rows) and act guard, behind the same Woonkans gateway,
 * but assembled WITHOUT the dosing transformer and WITHOUT the access log. Nothing in the product can
 * start this: it exists so the bench can say what dosing and logging cost (issue 13).
 *
 * The two differences from `assembleSubgraph` (subgraphs/assemble.ts) are explicit parameters the
 * product always fills: `doseer` (here: the schema as built) and `accessLog` (here: writes nothing).
 * The log's read side and the regisseur's retention route are left out; no workload uses them.
 */
import type { GraphQLSchema } from 'graphql';
import { generateDevKeys } from '../../gateway/dev-issuer/keys.js';
import type { DevKeys } from '../../gateway/dev-issuer/keys.js';
import { openGatewayDatabase } from '../../gateway/database.js';
import { createWoonkansGateway } from '../../gateway/runtime.js';
import { cachedJtiRegister, postgresJtiRegister } from '../../schema/identity/jti-register.js';
import { createTokenVerifier } from '../../schema/identity/verify.js';
import { logboekVan } from '../../subgraphs/assemble.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/catalog.js';
import type { AccessLogWriter, ActLog } from '../../subgraphs/common/access-log.js';
import { remotePolicyContext } from '../../subgraphs/common/policy-context.js';
import { remoteRouteplanner } from '../../subgraphs/common/routeplanner-client.js';
import type { RunningSubgraph, Subgraph } from '../../subgraphs/common/server.js';
import { createCorporatieSubgraph } from '../../subgraphs/corporatie/server.js';
import { tokenJti as corporatieJti } from '../../subgraphs/corporatie/db/tables.js';
import { createGarantiefondsSubgraph } from '../../subgraphs/garantiefonds/server.js';
import { tokenJti as fondsJti } from '../../subgraphs/garantiefonds/db/tables.js';
import { createGemeenteSubgraph } from '../../subgraphs/gemeente/server.js';
import { tokenJti as gemeenteJti } from '../../subgraphs/gemeente/db/tables.js';
import { createRegisseurSubgraph } from '../../subgraphs/regisseur/server.js';
import { tokenJti as regisseurJti } from '../../subgraphs/regisseur/db/tables.js';
import type { Federation } from '../federation.js';
import { createLogger } from '../../subgraphs/common/observability/log.js';

const JTI = { gemeente: gemeenteJti, regisseur: regisseurJti, corporatie: corporatieJti, garantiefonds: fondsJti };

/** Writes nothing: column (b) has no access log. */
const noAccessLog: AccessLogWriter = async () => {};

export interface BenchGateway {
  readonly name: string;
  readonly gatewayUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts (b) next to the running federation `fed`: new subgraph servers on free ports over `fed`'s
 * databases, verifying the same tokens (`fed`'s issuer and JWKS), and a Woonkans gateway in front.
 */
export async function launchUndosed(fed: Federation, options: { devKeys?: DevKeys; gatewayDatabaseUrl?: string | undefined } = {}): Promise<BenchGateway> {
  const host = '127.0.0.1';
  const auth = fed.config.auth;
  const running: RunningSubgraph[] = [];
  const urls = {} as Record<SubgraphName, string>;
  const gatewayDatabase = await openGatewayDatabase({ url: options.gatewayDatabaseUrl });
  try {
    // The regisseur first: the others ask it for the policy context and the routeplanner.
    for (const name of ['regisseur', ...SUBGRAPH_NAMES.filter((n) => n !== 'regisseur')] as SubgraphName[]) {
      const database = fed.subgraphs[name].database;
      const base = {
        database,
        verifyToken: createTokenVerifier(auth, { jtiRegister: cachedJtiRegister(postgresJtiRegister(database.db, JTI[name])) }),
        accessLog: noAccessLog,
        // An act runs as it would without a log: no transaction of its own, no record.
        actLog: ((_meta, perform) => perform(database.db)) as ActLog,
        doseer: (schema: GraphQLSchema) => schema,
        logboek: logboekVan(name),
        sleutelKey: fed.sleutelKey,
        logger: createLogger({ level: 'warn' }).child({ service: `undosed-${name}` }),
      };
      const regisseurUrl = urls.regisseur?.replace(/\/graphql$/, '') ?? '';
      const subgraph: Subgraph =
        name === 'regisseur'
          ? createRegisseurSubgraph(base)
          : name === 'gemeente'
            ? createGemeenteSubgraph({ ...base, policyContext: remotePolicyContext({ url: regisseurUrl }), routeplanner: remoteRouteplanner(regisseurUrl) })
            : name === 'corporatie'
              ? createCorporatieSubgraph({ ...base, policyContext: remotePolicyContext({ url: regisseurUrl }), routeplanner: remoteRouteplanner(regisseurUrl) })
              : createGarantiefondsSubgraph({ ...base, policyContext: remotePolicyContext({ url: regisseurUrl }) });
      const r = await subgraph.listen(0, host);
      running.push(r);
      urls[name] = `${r.url}/graphql`;
    }
    const gateway = await createWoonkansGateway(
      { ...fed.config, port: 0, host, subgraphUrls: urls, devIssuer: true },
      { database: gatewayDatabase, devKeys: options.devKeys ?? (await generateDevKeys()).keys, logger: createLogger({ level: 'warn' }) },
    ).listen(0, host);
    return {
      name: 'undosed',
      gatewayUrl: gateway.url,
      stop: async () => {
        await gateway.stop();
        await Promise.allSettled(running.map((r) => r.stop({ timeoutMs: 2000 })));
        await gatewayDatabase.close();
      },
    };
  } catch (error) {
    await Promise.allSettled(running.map((r) => r.stop({ timeoutMs: 2000 })));
    await gatewayDatabase.close();
    throw error;
  }
}
