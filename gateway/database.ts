/**
 * The gateway's database: the same `openDatabase` as the subgraphs (PostgreSQL when configured,
 * PGlite otherwise, and on PostgreSQL the same pool options, `servicePoolOptions`, so it meets an
 * outage as they do), its own schema `gateway` and migrations. It holds the token register and the
 * trusted documents (`db/tables.ts`).
 */
import { openDatabase, type Database } from '../subgraphs/common/database.js';

export const gatewayMigrationsFolder = new URL('./migrations', import.meta.url).pathname;

export function openGatewayDatabase(options: { url?: string | undefined; dataDir?: string | undefined }): Promise<Database> {
  return openDatabase({
    schema: 'gateway',
    url: options.url,
    dataDir: options.url ? undefined : options.dataDir,
    migrationsFolder: gatewayMigrationsFolder,
  });
}
