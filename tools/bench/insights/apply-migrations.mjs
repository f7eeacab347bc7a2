// Applies Parley's real migrations to a PostgreSQL database: bundles migrate-entry.ts (which
// imports createParleyDataSource from @parley/api/core, and the API's trend statement) with
// esbuild, resolving the workspace's tsconfig paths, and runs it. npm packages stay external.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../../..');

/**
 * @param {string} url
 * @returns {Promise<{ applied: string[], trendQuery: string }>} the migrations applied, and the API's trend statement
 */
export async function applyMigrations(url) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const outfile = join(dir, 'migrate.cjs');
  try {
    await build({
      entryPoints: [join(HERE, 'migrate-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      packages: 'external',
      tsconfig: join(ROOT, 'tsconfig.base.json'),
      logLevel: 'error',
    });
    // Resolve the external packages from the workspace, not from the temp folder.
    const require = createRequire(join(ROOT, 'package.json'));
    const Module = require('node:module');
    const original = Module._resolveFilename;
    Module._resolveFilename = function (request, parent, ...rest) {
      try {
        return original.call(this, request, parent, ...rest);
      } catch {
        return original.call(
          this,
          request,
          { ...parent, paths: Module._nodeModulePaths(ROOT) },
          ...rest,
        );
      }
    };
    try {
      const { migrate, TREND_QUERY } = await import(pathToFileURL(outfile).href);
      return { applied: await migrate(url), trendQuery: TREND_QUERY };
    } finally {
      Module._resolveFilename = original;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
