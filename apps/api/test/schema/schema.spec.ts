import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

const SCHEMA_FILE = join(__dirname, '../../schema.gql');
const HEADER =
  '# Generated from the code-first schema by `npm run schema`. Do not edit by hand.\n\n';

/**
 * schema.gql is committed: the console's typed operations are generated from it, and reviewers
 * see API changes in diffs. This test keeps it equal to what the code defines.
 */
describe('committed GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('apps/api/schema.gql matches the code (run `npm run schema` after changing the API)', () => {
    const generated =
      HEADER + printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, generated);
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(generated);
  });
});
