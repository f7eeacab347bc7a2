import { PARLEY_DATA_SOURCE } from '@parley/api/core';
import type { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the Parley process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('answers GraphQL over HTTP', async () => {
    const result = await t.gql('{ __typename }');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ __typename: 'Query' });
  });

  it('reports ready with a database round-trip, with a request id header', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses GraphQL GET requests without a CSRF-safe header', async () => {
    const response = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });

  it('masks unexpected errors but keeps validation errors readable', async () => {
    const result = await t.gql('{ nope }');
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('reports 503 when the database is unreachable', async () => {
    await t.app.get<DataSource>(PARLEY_DATA_SOURCE).destroy();
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'down' });
  });
});
