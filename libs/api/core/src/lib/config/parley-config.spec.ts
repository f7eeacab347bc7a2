import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadParleyConfig } from './parley-config';

const cwd = mkdtempSync(join(tmpdir(), 'parley-config-'));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadParleyConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadParleyConfig', () => {
  it('defaults to the embedded database in a data folder of the checkout, port 3000, with demo data', () => {
    const config = loadParleyConfig({}, cwd);
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: join(cwd, '.parley-data') });
    expect(config.loadDemoData).toBe(true);
    // The generated development secret is kept so sign-ins survive a restart.
    expect(readFileSync(join(cwd, '.parley-data', 'jwt-secret'), 'utf8')).toBe(config.jwtSecret);
    expect(loadParleyConfig({}, cwd).jwtSecret).toBe(config.jwtSecret);
  });

  it('uses node-postgres when DATABASE_URL is set and then loads no demo data by default', () => {
    const config = loadParleyConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/parley' }, cwd);
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@127.0.0.1:5432/parley',
      poolSize: 10,
    });
    expect(config.loadDemoData).toBe(false);
  });

  it.each(['abc', '0', '70000', '3.5', '-1'])('refuses PORT=%s naming the variable', (port) => {
    expect(problemsOf({ PORT: port })).toEqual([
      expect.stringContaining('PORT must be a whole number from 1 to 65535'),
    ]);
  });

  it('reads the online-form limits, defaulting to 10 per address and 100 per practice', () => {
    expect(loadParleyConfig({}, cwd).publicFormLimits).toEqual({
      perIpPerTenMinutes: 10,
      perPracticePerHour: 100,
    });
    expect(
      loadParleyConfig(
        { PUBLIC_FORM_LIMIT_PER_IP: '3', PUBLIC_FORM_LIMIT_PER_PRACTICE: '50000' },
        cwd,
      ).publicFormLimits,
    ).toEqual({ perIpPerTenMinutes: 3, perPracticePerHour: 50000 });
    expect(
      problemsOf({ PUBLIC_FORM_LIMIT_PER_IP: '0', PUBLIC_FORM_LIMIT_PER_PRACTICE: 'lots' }),
    ).toEqual([
      'PUBLIC_FORM_LIMIT_PER_IP must be a positive whole number, not "0".',
      'PUBLIC_FORM_LIMIT_PER_PRACTICE must be a positive whole number, not "lots".',
    ]);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://x@y/z' })[0]).toMatch(
      /DATABASE_URL must start with postgres:\/\//,
    );
    expect(problemsOf({ DATABASE_URL: 'not a url' })[0]).toMatch(/DATABASE_URL is not a URL/);
  });

  it('refuses to start in production without DATABASE_URL and JWT_SECRET, listing both', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/needs DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/needs JWT_SECRET/);
  });

  it('never loads demo data in production, even when asked', () => {
    const config = loadParleyConfig(
      {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://a@b/c',
        JWT_SECRET: 'x'.repeat(40),
        PARLEY_DEMO_DATA: 'true',
      },
      cwd,
    );
    expect(config.loadDemoData).toBe(false);
  });

  it('refuses a short JWT_SECRET', () => {
    expect(problemsOf({ JWT_SECRET: 'short' })[0]).toMatch(/at least 32 characters/);
  });
});
