import type { INestApplication } from '@nestjs/common';
import { Database, loadParleyConfig, type ParleyConfig } from '@parley/api/core';
import type { AddressInfo } from 'node:net';
import { createParleyApp } from '../../src/create-app';
import { loadDemoDataOnce } from '../../src/demo/load-demo-data';
import { createTestDatabase, type TestDatabase } from './test-database';

export const DEMO_PASSWORD = 'test-demo-password';

export interface GqlOptions {
  token?: string;
  practiceId?: string;
  headers?: Record<string, string>;
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; field?: string; correlationId?: string };
  }[];
}

/** The running app for one test file, with helpers that speak real HTTP and GraphQL to it. */
export class TestApp {
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly config: ParleyConfig,
    private readonly database: TestDatabase,
  ) {}

  get db(): Database {
    return this.app.get(Database);
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: GqlOptions = {},
  ): Promise<GqlResult<T>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...options.headers,
    };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.practiceId) headers['x-parley-practice'] = options.practiceId;
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GqlResult<T>;
    return { ...body, status: response.status };
  }

  /** Like gql, but fails the test on any error and returns the data. */
  async gqlOk<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    options: GqlOptions = {},
  ): Promise<T> {
    const result = await this.gql<T>(query, variables, options);
    if (result.errors?.length || !result.data)
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  /** An access token for a demo person (cached per test file). */
  async tokenFor(email: string): Promise<string> {
    const cached = this.tokens.get(email);
    if (cached) return cached;
    const data = await this.gqlOk<{ login: { accessToken: string } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password: DEMO_PASSWORD },
    );
    this.tokens.set(email, data.login.accessToken);
    return data.login.accessToken;
  }

  async practiceId(slug: string): Promise<string> {
    const rows = await this.db.run({ tenantPracticeId: null }, (uow) =>
      uow.query<{ id: string }>('SELECT id FROM practices WHERE slug = $1', [slug]),
    );
    if (!rows[0]) throw new Error(`No practice ${slug}`);
    return rows[0].id;
  }

  async userId(email: string): Promise<string> {
    const rows = await this.db.run({ tenantPracticeId: null }, (uow) =>
      uow.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]),
    );
    if (!rows[0]) throw new Error(`No user ${email}`);
    return rows[0].id;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }
}

export interface TestAppOptions {
  /** Load the demo ICBs, practices and people (default true). */
  demo?: boolean;
  env?: Record<string, string>;
}

/** Boots Parley on a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set). */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadParleyConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-0123456789',
    PARLEY_DEMO_PASSWORD: DEMO_PASSWORD,
    PARLEY_DEMO_DATA: options.demo === false ? 'false' : 'true',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'silent',
    PARLEY_ADMIN_DIR: '/nonexistent-console-dir',
    ...options.env,
  });
  const app = await createParleyApp(config);
  await loadDemoDataOnce(app, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new TestApp(app, `http://127.0.0.1:${port}`, config, database);
}

export const DEMO = {
  wilmslowManager: 'manager@wilmslow.demo',
  wilmslowStaff: 'staff@wilmslow.demo',
  trumpingtonManager: 'manager@trumpington.demo',
  trumpingtonStaff: 'staff@trumpington.demo',
  cheshireAuditor: 'auditor@cheshire-merseyside.demo',
  cambridgeAuditor: 'auditor@cambridgeshire-peterborough.demo',
  admin: 'admin@parley.demo',
} as const;
