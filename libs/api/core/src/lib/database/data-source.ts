import { mkdirSync } from 'node:fs';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import type { DatabaseConfig } from '../config/parley-config';
import { PARLEY_MIGRATIONS } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

/**
 * Builds the DataSource for either run mode. Both use TypeORM's postgres dialect and the same
 * migrations; `synchronize` is never on.
 */
export function createParleyDataSource(database: DatabaseConfig, entities: EntityList): DataSource {
  const common = {
    type: 'postgres' as const,
    entities,
    migrations: PARLEY_MIGRATIONS,
    migrationsTableName: 'parley_migrations',
    synchronize: false,
    logging: false,
    // Migrations own the schema; gen_random_uuid() is built into PostgreSQL 13+.
    installExtensions: false,
  };
  if (database.kind === 'postgres') {
    return new DataSource({
      ...common,
      url: database.url,
      poolSize: database.poolSize,
      extra: { connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
    });
  }
  if (database.dataDir) mkdirSync(database.dataDir, { recursive: true });
  return new DataSource({
    ...common,
    driver: new PGliteDriver(database.dataDir ? { dataDir: database.dataDir } : {}).driver,
  });
}
