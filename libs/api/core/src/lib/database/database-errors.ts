import type { DatabaseConfig } from '../config/parley-config';

/** Turns a connection failure into a sentence a person can act on, without the password. */
export function describeDatabaseError(database: DatabaseConfig, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (database.kind === 'pglite') {
    return `Cannot open the embedded database in ${database.dataDir ?? 'memory'}: ${reason}. Check PARLEY_DATA_DIR points to a writable folder.`;
  }
  const url = new URL(database.url);
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  return `Cannot reach PostgreSQL at ${where}: ${reason}. Check DATABASE_URL and that the server is running.`;
}
