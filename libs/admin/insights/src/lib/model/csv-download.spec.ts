import { TestBed } from '@angular/core/testing';
import {
  FIXTURE_SIGN_INS,
  GraphqlClient,
  MeDocument,
  SessionStore,
} from '@parley/admin/data-access';
import { of } from 'rxjs';
import { CsvDownloads, fileNameOf, searchParams } from './csv-download';

describe('CSV downloads', () => {
  let fetchMock: jest.Mock;
  let clicked: { href: string; download: string }[];
  const client = { request: jest.fn() };

  beforeEach(() => {
    sessionStorage.clear();
    clicked = [];
    fetchMock = jest.fn();
    globalThis.fetch = fetchMock;
    URL.createObjectURL = jest.fn(() => 'blob:parley/1');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download });
    });
    client.request.mockReset();
    TestBed.configureTestingModule({ providers: [{ provide: GraphqlClient, useValue: client }] });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS.auditor());
  });
  afterEach(() => jest.restoreAllMocks());

  /** What fetch answers, as far as the service reads it (jsdom has no Response). */
  const response = (status: number, body: string, headers: Record<string, string> = {}) => ({
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    blob: async () => new Blob([body], { type: 'text/csv' }),
    json: async () => JSON.parse(body),
  });
  const csv = (name: string) =>
    response(200, 'Table,Row\n', { 'content-disposition': `attachment; filename="${name}"` });

  it('fetches with the bearer token and saves the file under the server’s name', async () => {
    fetchMock.mockResolvedValueOnce(csv('ko41b-2025-26.csv'));
    await TestBed.inject(CsvDownloads).save(
      'ko41b.csv',
      { icbId: 'icb-1', financialYear: '2025-26', practiceId: null },
      'fallback.csv',
    );
    expect(fetchMock).toHaveBeenCalledWith(
      '/insights/ko41b.csv?icbId=icb-1&financialYear=2025-26',
      {
        headers: { Authorization: 'Bearer access-1' },
        cache: 'no-store',
      },
    );
    expect(clicked).toEqual([{ href: 'blob:parley/1', download: 'ko41b-2025-26.csv' }]);
  });

  it('refreshes an expired token once through the GraphQL client, then retries', async () => {
    fetchMock.mockResolvedValueOnce(response(401, '{}')).mockResolvedValueOnce(csv('trends.csv'));
    client.request.mockReturnValue(of({ me: {} }));
    await TestBed.inject(CsvDownloads).save('trends.csv', { icbId: 'icb-1' }, 'fallback.csv');
    expect(client.request).toHaveBeenCalledWith(MeDocument, {});
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(clicked).toHaveLength(1);
  });

  it('reports the API’s message when it refuses', async () => {
    fetchMock.mockResolvedValueOnce(
      response(
        404,
        JSON.stringify({ error: { code: 'NOT_FOUND', message: 'The ICB was not found.' } }),
      ),
    );
    await expect(
      TestBed.inject(CsvDownloads).save('trends.csv', { icbId: 'x' }, 'f.csv'),
    ).rejects.toThrow('The download failed: The ICB was not found.');
    expect(clicked).toEqual([]);
  });

  it('query strings and file names', () => {
    expect(searchParams({ a: '1', b: null, c: undefined, d: '' })).toBe('a=1');
    expect(fileNameOf('attachment; filename="trends-2025-04-01-2026-03-31.csv"')).toBe(
      'trends-2025-04-01-2026-03-31.csv',
    );
    expect(fileNameOf(null)).toBeNull();
  });
});
