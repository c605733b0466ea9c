/**
 * `npm run fuzz`: the long fuzz of issue 14 — by default 100,000 generated requests (malformed JSON
 * and GraphQL, deep, wide, aliased and batched operations, fragment bombs, malformed tokens, and valid
 * operations of random personas) against a running gateway, 8 in flight. Prints progress, the status
 * counts, the 5xx count, refused-value and contract violations and memory over time; exits 1 on any
 * violation (5xx, no answer, an answer that is not JSON, a refused value, a field outside the
 * caller's contract) or when the gateway no longer answers `/healthz` afterwards.
 *
 *   npm run fuzz                                  # starts its own federation (PGlite, or DATABASE_URL)
 *   npm run fuzz -- --aantal 5000 --seed 42       # another size and seed
 *   npm run fuzz -- --seed 42 --vanaf 1234 --aantal 1   # replays request 1234 of seed 42
 *   npm run fuzz -- --url http://127.0.0.1:4000 [--pid <gateway pid>]   # a gateway already running (npm start)
 *
 * The generator is `test/helpers/fuzz-operations.ts`; `npm test` runs a shorter fuzz of it
 * (`test/integration/fuzz.test.ts`).
 */
import { readFileSync } from 'node:fs';
import { generateDevKeys } from '../gateway/dev-issuer/keys.js';
import { seedDemoData } from './demo-data/index.js';
import { launchFederation, type Federation } from './federation.js';
import {
  apiSchemaOf,
  contextFrom,
  createTokenSource,
  describeFailure,
  newStats,
  runFuzz,
  type RunStats,
  unplaced,
} from '../test/helpers/fuzz-operations.js';
import { silentLogger } from '../subgraphs/common/observability/log.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const count = Number(arg('aantal') ?? 100_000);
const seed = Number(arg('seed') ?? Math.floor(Math.random() * 2 ** 31));
const from = Number(arg('vanaf') ?? 0);
const concurrency = Number(arg('gelijktijdig') ?? 8);
const url = arg('url')?.replace(/\/+$/, '');
const pid = arg('pid') ? Number(arg('pid')) : undefined;
for (const [k, v] of Object.entries({ aantal: count, seed, vanaf: from, gelijktijdig: concurrency })) {
  if (!Number.isSafeInteger(v) || v < 0) {
    console.error(`--${k} moet een geheel getal ≥ 0 zijn`);
    process.exit(2);
  }
}

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
/** The gateway's memory: this process when it runs the federation, else `/proc/<pid>` when given. */
function memory(): { rss: number; heap?: number } | undefined {
  if (!url) {
    gc?.();
    const m = process.memoryUsage();
    return { rss: m.rss / MB, heap: m.heapUsed / MB };
  }
  if (pid === undefined) return undefined;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return { rss: kb / 1024 };
  } catch {
    return undefined;
  }
}
const fmtMem = (m: ReturnType<typeof memory>) => (m ? `rss ${m.rss.toFixed(0)} MB${m.heap !== undefined ? `, heap ${m.heap.toFixed(0)} MB` : ''}` : 'geheugen onbekend (geef --pid)');

let fed: Federation | undefined;
let baseUrl: string;
let tokens;
if (url) {
  baseUrl = url;
  tokens = createTokenSource({ issuer: 'https://woonkans.dev/issuer', audience: 'woonkans-gateway', devTokenUrl: `${url}/dev/token` });
} else {
  const { keys } = await generateDevKeys();
  const databaseUrl = process.env['DATABASE_URL'];
  fed = await launchFederation({ devKeys: keys, gatewayPort: 0, logger: silentLogger(), ...(databaseUrl ? { databaseUrl: () => databaseUrl } : {}) });
  await seedDemoData(
    {
      gemeente: fed.subgraphs.gemeente.database.db,
      regisseur: fed.subgraphs.regisseur.database.db,
      corporatie: fed.subgraphs.corporatie.database.db,
      garantiefonds: fed.subgraphs.garantiefonds.database.db,
    },
    new Date(),
  );
  baseUrl = fed.gatewayUrl;
  tokens = createTokenSource({ keys, issuer: fed.config.auth.issuer, audience: fed.config.auth.audience });
}

let exitCode = 0;
try {
  const schema = apiSchemaOf(readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'));
  const ctx = await contextFrom(baseUrl, tokens, schema);
  const memStart = memory();
  const memOverTime: string[] = [];
  console.log(`fuzz: ${count} verzoeken vanaf ${from}, seed ${seed}, ${concurrency} tegelijk, tegen ${baseUrl} (${url ? 'bestaande gateway' : `eigen federatie, ${fed!.subgraphs.gemeente.database.kind}`}); ${ctx.ids.length} echte trajecten; start: ${fmtMem(memStart)}`);
  const t0 = performance.now();
  const stats: RunStats = newStats();
  let printedAt = t0;
  let printed = 0;
  /** 5xx answers other than `/readyz`'s documented 503 (see `checkAnswer`). */
  const fivexx = () => stats.violations.filter((v) => v.violations.some((x) => x.rule === '5xx')).length;
  const progress = (final = false) => {
    const s = (performance.now() - t0) / 1000;
    const m = memory();
    const line = `${final ? 'klaar' : 'voortgang'} ${stats.sent}/${count} (${(stats.sent / s).toFixed(0)}/s, ${s.toFixed(0)} s): 5xx ${fivexx()}, schendingen ${stats.violations.length}, INTERNAL_SERVER_ERROR ${stats.internal.length}; ${fmtMem(m)}`;
    memOverTime.push(`${stats.sent}: ${m ? `${m.rss.toFixed(0)}${m.heap !== undefined ? `/${m.heap.toFixed(0)}` : ''}` : '?'}`);
    console.log(line);
  };
  await runFuzz({
    baseUrl,
    seed,
    count,
    from,
    concurrency,
    ctx,
    tokens,
    stats,
    onAnswer: (request, answer, violations) => {
      if (violations.length && stats.violations.length <= 20) console.log(`SCHENDING\n${describeFailure(request, answer, violations)}`);
      const now = performance.now();
      if (now - printedAt > 15_000 || stats.sent - printed >= 10_000) {
        printedAt = now;
        printed = stats.sent;
        progress();
      }
    },
  });
  progress(true);
  const health = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5000) }).then(
    (r) => r.status,
    () => 0,
  );
  const memEnd = memory();
  const byRule = new Map<string, number>();
  for (const v of stats.violations) for (const x of v.violations) byRule.set(x.rule, (byRule.get(x.rule) ?? 0) + 1);
  console.log(`
Fuzz, seed ${seed}: ${stats.sent} verzoeken in ${((performance.now() - t0) / 1000).toFixed(0)} s
  statussen:        ${[...stats.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ')}
  soorten:          ${[...stats.kinds].sort(([, a], [, b]) => b - a).map(([k, n]) => `${k} ${n}`).join(', ')}
  5xx:              ${fivexx()}
  schendingen:      ${stats.violations.length}${byRule.size ? ` (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')})` : ''}
  geweigerde waarden met pad gecontroleerd: ${stats.refusalsWithPath} DOSERING_GEWEIGERD-fouten in ${stats.withData} antwoorden met gegevens (${unplaced.n} zonder lijstindex en zonder id in het antwoord: niet te plaatsen)
  INTERNAL_SERVER_ERROR (gemaskeerd, geen 5xx): ${stats.internal.length}
  /healthz erna:    ${health}
  geheugen:         begin ${fmtMem(memStart)}, eind ${fmtMem(memEnd)}${memStart && memEnd ? ` (rss ${memEnd.rss - memStart.rss >= 0 ? '+' : ''}${(memEnd.rss - memStart.rss).toFixed(0)} MB)` : ''}
  geheugen in de tijd (verzoeken: rss/heap MB): ${memOverTime.join(', ')}`);
  for (const { request, answer } of stats.internal.slice(0, 5)) console.log(`INTERNAL_SERVER_ERROR\n${describeFailure(request, answer, [])}`);
  if (stats.violations.length > 0 || fivexx() > 0 || health !== 200) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await fed?.stop();
}
process.exit(exitCode);
