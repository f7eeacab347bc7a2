// Bundled by apply-migrations.mjs: boots Parley's own DataSource (the real migrations) against a
// database URL and applies every migration, as the app does on start. Also hands the benchmark
// the statement the API runs for a trend, so it times exactly that.
import { createParleyDataSource } from '@parley/api/core';
import { TREND_QUERY } from '@parley/api/insights';

export { TREND_QUERY };

export async function migrate(url: string): Promise<string[]> {
  const dataSource = createParleyDataSource({ kind: 'postgres', url, poolSize: 2 }, []);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
