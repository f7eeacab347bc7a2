import { Database, loadParleyConfig } from '@parley/api/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParleyApp } from '../../src/create-app';
import { loadDemoDataOnce } from '../../src/demo/load-demo-data';

/** Embedded mode keeps its data in PARLEY_DATA_DIR across restarts, and loads demo data once. */
const embeddedOnly = process.env['DATABASE_URL'] ? describe.skip : describe;

embeddedOnly('restarting on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const boot = async () => {
    const config = loadParleyConfig({
      NODE_ENV: 'development',
      PARLEY_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      PARLEY_ADMIN_DIR: '/nonexistent',
    });
    const app = await createParleyApp(config);
    await loadDemoDataOnce(app, config);
    return { app, config };
  };

  it('keeps data and does not load the demo twice', async () => {
    const first = await boot();
    const db1 = first.app.get(Database);
    const practices1 = (await db1.dataSource.query('SELECT count(*)::int AS n FROM practices'))[0]
      .n;
    await db1.dataSource.query(
      `INSERT INTO icbs (name, slug) VALUES ('NHS Restart ICB', 'restart-icb')`,
    );
    // The generated development secret is kept too, so sign-ins survive the restart.
    const secret = first.config.jwtSecret;
    await first.app.close();

    const second = await boot();
    const db2 = second.app.get(Database);
    expect(
      (
        await db2.dataSource.query(`SELECT count(*)::int AS n FROM icbs WHERE slug = 'restart-icb'`)
      )[0].n,
    ).toBe(1);
    expect((await db2.dataSource.query('SELECT count(*)::int AS n FROM practices'))[0].n).toBe(
      practices1,
    );
    expect(practices1).toBeGreaterThan(0);
    expect(second.config.jwtSecret).toBe(secret);
    await second.app.close();
    // Two full boots on disk, with every domain's demo data.
  }, 400_000);
});
