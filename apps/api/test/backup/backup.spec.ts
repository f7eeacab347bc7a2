import { Database, loadParleyConfig } from '@parley/api/core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createParleyApp } from '../../src/create-app';
import { loadDemoDataOnce } from '../../src/demo/load-demo-data';
import { startTestApp } from '../support/test-app';

const ROOT = join(__dirname, '../../../..');
const work = mkdtempSync(join(tmpdir(), 'parley-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function boot(env: Record<string, string>) {
  const config = loadParleyConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    PARLEY_ADMIN_DIR: '/nonexistent',
    ...env,
  });
  const app = await createParleyApp(config);
  await loadDemoDataOnce(app, config);
  return app;
}

async function countOf(app: Awaited<ReturnType<typeof boot>>, sql: string): Promise<number> {
  return (await app.get(Database).dataSource.query(sql))[0].n;
}

const MARKER = `SELECT count(*)::int AS n FROM icbs WHERE slug = 'backup-marker'`;

(process.env['DATABASE_URL'] ? describe.skip : describe)(
  'backup and restore, embedded mode',
  () => {
    it('restores a PGlite dump into a fresh data folder with everything in it', async () => {
      const original = join(work, 'original');
      const app = await boot({ PARLEY_DATA_DIR: original });
      await app
        .get(Database)
        .dataSource.query(
          `INSERT INTO icbs (name, slug) VALUES ('NHS Backup ICB', 'backup-marker')`,
        );
      const practices = await countOf(app, 'SELECT count(*)::int AS n FROM practices');
      await app.close();

      const file = join(work, 'parley.tar.gz');
      execFileSync(process.execPath, ['tools/backup/embedded.mjs', 'backup', original, file], {
        cwd: ROOT,
      });
      const restoredDir = join(work, 'restored');
      execFileSync(process.execPath, ['tools/backup/embedded.mjs', 'restore', file, restoredDir], {
        cwd: ROOT,
      });

      const restored = await boot({ PARLEY_DATA_DIR: restoredDir });
      expect(await countOf(restored, MARKER)).toBe(1);
      expect(await countOf(restored, 'SELECT count(*)::int AS n FROM practices')).toBe(practices);
      await restored.close();
    });
  },
);

(process.env['DATABASE_URL'] ? describe : describe.skip)('backup and restore, server mode', () => {
  it('restores a pg_dump into a fresh database with everything in it', async () => {
    const t = await startTestApp();
    await t.db.dataSource.query(
      `INSERT INTO icbs (name, slug) VALUES ('NHS Backup ICB', 'backup-marker')`,
    );
    const practices = (await t.db.dataSource.query('SELECT count(*)::int AS n FROM practices'))[0]
      .n;
    const file = join(work, 'parley.dump');
    execFileSync(
      'bash',
      [
        'tools/backup/server.sh',
        'backup',
        t.config.database.kind === 'postgres' ? t.config.database.url : '',
        file,
      ],
      { cwd: ROOT },
    );
    await t.close();

    const server = process.env['DATABASE_URL'] as string;
    const name = `parley_restore_${process.pid}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    try {
      execFileSync('bash', ['tools/backup/server.sh', 'restore', file, url.toString()], {
        cwd: ROOT,
      });
      const restored = await boot({ DATABASE_URL: url.toString(), PARLEY_DEMO_DATA: 'false' });
      expect(await countOf(restored, MARKER)).toBe(1);
      expect(await countOf(restored, 'SELECT count(*)::int AS n FROM practices')).toBe(practices);
      await restored.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
