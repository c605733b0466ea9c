/**
 * `npm run documenten -- <opdracht>`: the register of trusted documents at the command line, on the
 * gateway's own database (`DATABASE_URL_GATEWAY` / `DATABASE_URL`, else PGlite under `PGLITE_DIR`),
 * for an operator who registers on a partner's behalf and a privacy officer who decides offline. The
 * same check, derivation and register as `POST /documenten` on the running gateway.
 *
 *   registreer --organisatie woonwenz --partij CORPORATIE [--door <naam>] bestand.graphql
 *   lijst [--organisatie <org>] [--status REGISTERED|APPROVED|REVOKED] [--json]
 *   toon --organisatie <org> <id> [--json]
 *   keur-goed --organisatie <org> --door <naam> <id>
 *   trek-in --organisatie <org> --door <naam> <id>
 *
 * PGlite is one process's database: with the embedded default, stop `npm start` first, or use the
 * gateway's `/documenten` route while it runs.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { gatewayDatabaseFromEnv } from '../gateway/config.js';
import { openGatewayDatabase } from '../gateway/database.js';
import { DOCUMENT_STATUSSEN, type DocumentStatus, type VertrouwdDocument } from '../gateway/db/tables.js';
import { SUPERGRAPH_FILE } from '../gateway/supergraph.js';
import { createDocumentCheck } from '../gateway/trusted-documents/check.js';
import { VRIJE_PARTIJEN } from '../gateway/trusted-documents/enforcement.js';
import { document, keurGoed, lijst, registreer, trekIn } from '../gateway/trusted-documents/register.js';
import { CORPORATIES, GEMEENTEN, PARTIJEN, ZORGAANBIEDERS, gemeenteOrganisatie, type Partij } from '../schema/vocabulary.js';

const GEBRUIK = `Gebruik:
  npm run documenten -- registreer --organisatie <org> --partij <${PARTIJEN.filter((p) => !VRIJE_PARTIJEN.has(p)).join('|')}> [--door <naam>] <bestand.graphql>
  npm run documenten -- lijst [--organisatie <org>] [--status ${DOCUMENT_STATUSSEN.join('|')}] [--json]
  npm run documenten -- toon --organisatie <org> <id> [--json]
  npm run documenten -- keur-goed --organisatie <org> --door <naam> <id>
  npm run documenten -- trek-in --organisatie <org> --door <naam> <id>`;

/** A command line that cannot be run: the usage is printed, exit 2. */
export class Gebruik extends Error {}

/** A typo in an organisation would register a document no token ever names. */
function onbekendeOrganisatie(partij: Partij, organisatie: string): string | null {
  const bekend: Partial<Record<Partij, readonly string[]>> = {
    CORPORATIE: CORPORATIES,
    ZORGAANBIEDER: ZORGAANBIEDERS,
    GEMEENTE: Object.keys(GEMEENTEN).map(gemeenteOrganisatie),
  };
  const lijstVan = bekend[partij];
  return lijstVan && !lijstVan.includes(organisatie) ? `onbekende organisatie "${organisatie}" voor ${partij} (kies uit: ${lijstVan.join(', ')})` : null;
}

/** A registration for people: its id and status, and per operation what it can touch. */
function alsTekst(d: VertrouwdDocument): string {
  const out = [
    `${d.id}  ${d.organisatie} (${d.partij})  ${d.status}`,
    `  geregistreerd ${d.geregistreerdOp.toISOString()} door ${d.geregistreerdDoor}` +
      (d.goedgekeurdOp ? `; goedgekeurd ${d.goedgekeurdOp.toISOString()} door ${d.goedgekeurdDoor}` : '') +
      (d.ingetrokkenOp ? `; ingetrokken ${d.ingetrokkenOp.toISOString()} door ${d.ingetrokkenDoor}` : ''),
  ];
  for (const op of d.operaties) {
    out.push(`  ${op.soort} ${op.naam ?? '(naamloos)'}:`);
    if (op.verwerkingen.length === 0) out.push('    raakt geen persoonsgegevens');
    for (const v of op.verwerkingen) {
      const letOp = [v.bijzonder ? 'bijzonder persoonsgegeven' : '', v.alleenMetToestemming ? 'alleen met toestemming' : ''].filter(Boolean).join(', ');
      out.push(`    ${v.categorie}  grondslag ${v.grondslag}  doel ${v.doel}  via ${v.velden.join(', ')}${letOp ? `  (${letOp})` : ''}`);
    }
  }
  return out.join('\n');
}

/** Runs one command; the exit code (0 done, 1 refused or not found); a usage error throws. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { organisatie: { type: 'string' }, partij: { type: 'string' }, door: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [opdracht, argument] = positionals;
  const vereist = (naam: string, waarde: string | undefined): string => {
    if (!waarde) throw new Gebruik(`${opdracht}: ${naam} ontbreekt`);
    return waarde;
  };
  const print = (rows: VertrouwdDocument[]) =>
    console.log(values.json ? JSON.stringify(rows.length === 1 && opdracht !== 'lijst' ? rows[0] : rows, null, 2) : rows.map(alsTekst).join('\n\n') || '(geen documenten)');

  // Everything the command line can get wrong is refused before the database is opened.
  let partij: Partij | undefined;
  let tekst: string | undefined;
  if (opdracht === 'registreer') {
    partij = vereist('--partij', values.partij) as Partij;
    if (!(PARTIJEN as readonly string[]).includes(partij) || VRIJE_PARTIJEN.has(partij)) throw new Gebruik(`--partij: ${partij} registreert geen documenten`);
    const fout = onbekendeOrganisatie(partij, vereist('--organisatie', values.organisatie));
    if (fout) throw new Gebruik(fout);
    tekst = readFileSync(vereist('het bestand', argument), 'utf8');
  } else if (opdracht === 'lijst') {
    if (values.status && !(DOCUMENT_STATUSSEN as readonly string[]).includes(values.status)) throw new Gebruik(`--status: een van ${DOCUMENT_STATUSSEN.join(', ')}`);
  } else if (opdracht === 'toon' || opdracht === 'keur-goed' || opdracht === 'trek-in') {
    vereist('--organisatie', values.organisatie);
    vereist('het id', argument);
    if (opdracht !== 'toon') vereist('--door', values.door);
  } else {
    throw new Gebruik(opdracht ? `onbekende opdracht ${opdracht}` : 'geen opdracht');
  }

  const where = gatewayDatabaseFromEnv(env);
  if (!where.databaseUrl && where.dataDir) mkdirSync(where.dataDir, { recursive: true });
  const database = await openGatewayDatabase({ url: where.databaseUrl, dataDir: where.dataDir });
  try {
    const db = database.db;
    switch (opdracht) {
      case 'registreer': {
        const beoordeling = createDocumentCheck({ supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8') })(tekst!, partij!);
        if (!beoordeling.geldig) {
          console.error(`DOCUMENT_ONGELDIG: het document past niet bij het contract van ${partij}:\n  ${beoordeling.fouten.join('\n  ')}`);
          return 1;
        }
        const door = values.door ?? `cli:${userInfo().username}`;
        const { document: row, nieuw } = await registreer(db, { organisatie: values.organisatie!, partij: partij!, tekst: tekst!, operaties: beoordeling.operaties, door });
        if (!nieuw) console.error('(al geregistreerd; de registratie blijft zoals ze is)');
        print([row]);
        return 0;
      }
      case 'lijst':
        print(await lijst(db, { organisatie: values.organisatie, status: values.status as DocumentStatus | undefined }));
        return 0;
      default: {
        const b = { organisatie: values.organisatie!, id: argument!, door: values.door ?? '' };
        const row = opdracht === 'toon' ? await document(db, b.organisatie, b.id) : await (opdracht === 'keur-goed' ? keurGoed : trekIn)(db, b);
        if (!row) {
          console.error(`NIET_GEVONDEN: ${b.organisatie} heeft geen document ${b.id}`);
          return 1;
        }
        print([row]);
        return 0;
      }
    }
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      if (error instanceof Gebruik || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        console.error(`${(error as Error).message}\n${GEBRUIK}`);
        process.exit(2);
      }
      console.error(`documenten: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
