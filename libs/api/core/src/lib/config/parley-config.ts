import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null }
  | { kind: 'postgres'; url: string; poolSize: number };

/** Everything Parley reads from its environment, validated once at start. */
export interface ParleyConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database: DatabaseConfig;
  dataDir: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  loadDemoData: boolean;
  demoPassword: string;
  redisUrl: string | null;
  /** Seconds between scheduled alert sweeps (complaint clocks, volume alerts); 0 turns the timer off. */
  alertSweepIntervalSeconds: number;
  smtpUrl: string | null;
  /** How many online-form submissions are accepted per client address (10 min) and per practice (hour). */
  publicFormLimits: { perIpPerTenMinutes: number; perPracticePerHour: number };
  adminDir: string | null;
  embedDir: string | null;
}

export const PARLEY_CONFIG = Symbol('PARLEY_CONFIG');

/** Thrown when the environment cannot be used; each problem says what to change. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Parley cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DEV_SECRET_FILE = 'jwt-secret';
const MIN_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment. Collects every problem before failing so a person can fix
 * them all at once. `cwd` anchors relative paths (the default data folder lives in the checkout).
 */
export function loadParleyConfig(env: Env = process.env, cwd = process.cwd()): ParleyConfig {
  const problems: string[] = [];
  const nodeEnv = parseNodeEnv(env['NODE_ENV'], problems);
  const production = nodeEnv === 'production';

  const port = parsePort(env['PORT'], problems);
  const host = env['HOST']?.trim() || '0.0.0.0';
  const dataDir = resolvePath(env['PARLEY_DATA_DIR'] || '.parley-data', cwd);
  const database = parseDatabase(env['DATABASE_URL'], env['DATABASE_POOL_SIZE'], dataDir, problems);

  if (production && database.kind !== 'postgres') {
    problems.push(
      'NODE_ENV=production needs DATABASE_URL (postgres://user:password@host:5432/db); the embedded database is for development and demos.',
    );
  }

  const jwtSecret = parseSecret(env['JWT_SECRET'], production, database, dataDir, problems);
  const logLevel = parseLogLevel(env['LOG_LEVEL'], nodeEnv, problems);
  const accessTokenTtlSeconds = parsePositiveInt(
    env['ACCESS_TOKEN_TTL_SECONDS'],
    900,
    'ACCESS_TOKEN_TTL_SECONDS',
    problems,
  );
  const refreshTokenTtlDays = parsePositiveInt(
    env['REFRESH_TOKEN_TTL_DAYS'],
    14,
    'REFRESH_TOKEN_TTL_DAYS',
    problems,
  );
  const redisUrl = parseUrl(env['REDIS_URL'], ['redis:', 'rediss:'], 'REDIS_URL', problems);
  const sweepSetting = env['ALERT_SWEEP_INTERVAL_SECONDS'];
  const alertSweepIntervalSeconds =
    sweepSetting === '0'
      ? 0
      : parsePositiveInt(sweepSetting, 300, 'ALERT_SWEEP_INTERVAL_SECONDS', problems);
  const smtpUrl = parseUrl(env['SMTP_URL'], ['smtp:', 'smtps:'], 'SMTP_URL', problems);
  const publicFormLimits = {
    perIpPerTenMinutes: parsePositiveInt(
      env['PUBLIC_FORM_LIMIT_PER_IP'],
      10,
      'PUBLIC_FORM_LIMIT_PER_IP',
      problems,
    ),
    perPracticePerHour: parsePositiveInt(
      env['PUBLIC_FORM_LIMIT_PER_PRACTICE'],
      100,
      'PUBLIC_FORM_LIMIT_PER_PRACTICE',
      problems,
    ),
  };

  const demoFlag = env['PARLEY_DEMO_DATA'];
  if (demoFlag !== undefined && !['true', 'false'].includes(demoFlag)) {
    problems.push(`PARLEY_DEMO_DATA must be "true" or "false", not "${demoFlag}".`);
  }
  // Demo data is never loaded in production, whatever the flag says.
  const loadDemoData = !production && (demoFlag ? demoFlag === 'true' : database.kind === 'pglite');

  const demoPassword = env['PARLEY_DEMO_PASSWORD'] || 'parley-demo-password';
  if (demoPassword.length < 12)
    problems.push('PARLEY_DEMO_PASSWORD must be at least 12 characters.');

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: nodeEnv,
    port,
    host,
    publicUrl: (env['PUBLIC_URL'] || `http://localhost:${port}`).replace(/\/+$/, ''),
    database,
    dataDir,
    jwtSecret: jwtSecret as string,
    accessTokenTtlSeconds,
    refreshTokenTtlDays,
    logLevel,
    loadDemoData,
    demoPassword,
    redisUrl,
    alertSweepIntervalSeconds,
    smtpUrl,
    publicFormLimits,
    adminDir: env['PARLEY_ADMIN_DIR'] ? resolvePath(env['PARLEY_ADMIN_DIR'], cwd) : null,
    embedDir: env['PARLEY_EMBED_DIR'] ? resolvePath(env['PARLEY_EMBED_DIR'], cwd) : null,
  };
}

function parseNodeEnv(value: string | undefined, problems: string[]): ParleyConfig['env'] {
  if (value === undefined || value === '' || value === 'development') return 'development';
  if (value === 'production' || value === 'test') return value;
  problems.push(`NODE_ENV must be development, production or test, not "${value}".`);
  return 'development';
}

function parsePort(value: string | undefined, problems: string[]): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number from 1 to 65535, not "${value}".`);
    return 3000;
  }
  return port;
}

function parsePositiveInt(
  value: string | undefined,
  fallback: number,
  name: string,
  problems: string[],
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    problems.push(`${name} must be a positive whole number, not "${value}".`);
    return fallback;
  }
  return Number(value);
}

function parseDatabase(
  url: string | undefined,
  poolSize: string | undefined,
  dataDir: string,
  problems: string[],
): DatabaseConfig {
  if (url === undefined || url.trim() === '') return { kind: 'pglite', dataDir };
  if (url === 'memory://') return { kind: 'pglite', dataDir: null };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push(
      'DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database.',
    );
    return { kind: 'pglite', dataDir };
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    problems.push(
      `DATABASE_URL must start with postgres:// or postgresql://, not "${parsed.protocol}//".`,
    );
  }
  return {
    kind: 'postgres',
    url,
    poolSize: parsePositiveInt(poolSize, 10, 'DATABASE_POOL_SIZE', problems),
  };
}

function parseSecret(
  value: string | undefined,
  production: boolean,
  database: DatabaseConfig,
  dataDir: string,
  problems: string[],
): string | null {
  if (value) {
    if (value.length < MIN_SECRET_LENGTH) {
      problems.push(
        `JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -hex 32\`).`,
      );
    }
    return value;
  }
  if (production) {
    problems.push(
      'NODE_ENV=production needs JWT_SECRET (at least 32 random characters, e.g. `openssl rand -hex 32`).',
    );
    return null;
  }
  if (database.kind === 'postgres' || database.dataDir === null) {
    // Throwaway secret: tokens do not survive a restart, which is fine off production.
    return randomBytes(32).toString('hex');
  }
  // Embedded mode keeps a generated secret beside its data so sign-ins survive a restart.
  return readOrCreateDevSecret(dataDir);
}

function readOrCreateDevSecret(dataDir: string): string {
  const file = join(dataDir, DEV_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function parseLogLevel(
  value: string | undefined,
  env: ParleyConfig['env'],
  problems: string[],
): ParleyConfig['logLevel'] {
  if (!value) return env === 'test' ? 'silent' : 'info';
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as ParleyConfig['logLevel'];
  problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}".`);
  return 'info';
}

function parseUrl(
  value: string | undefined,
  protocols: string[],
  name: string,
  problems: string[],
): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (protocols.includes(url.protocol)) return value;
  } catch {
    // fall through to the message below
  }
  problems.push(
    `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}.`,
  );
  return null;
}

function resolvePath(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
