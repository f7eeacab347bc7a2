import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../support/test-app';

const CODE = Buffer.from(
  '(()=>{customElements.define("parley-policy",class extends HTMLElement{})})();',
);
const HASH = createHash('sha256').update(CODE).digest('hex').slice(0, 16);
const FILE = `embed.${HASH}.js`;

/** Raw HTTP, so encodings and 304s are seen as sent (fetch would decode and hide them). */
function raw(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('the embed script, served to any website', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-embed-dist-'));
    writeFileSync(join(dir, FILE), CODE);
    writeFileSync(join(dir, `${FILE}.gz`), gzipSync(CODE));
    writeFileSync(join(dir, `${FILE}.br`), brotliCompressSync(CODE));
    writeFileSync(join(dir, 'embed.js'), CODE);
    const manifest = {
      file: FILE,
      hash: HASH,
      integrity: 'sha384-test',
      bytes: CODE.length,
      gzipBytes: 1,
      brotliBytes: 1,
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    t = await startTestApp({ demo: false, env: { PARLEY_EMBED_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GET /embed.js answers with the current bundle, briefly cached, loadable and readable cross-origin', async () => {
    const res = await raw(`${t.url}/embed.js`);
    expect(res.status).toBe(200);
    expect(res.body.equals(CODE)).toBe(true);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=3600');
    expect(res.headers['etag']).toBe(`"${HASH}"`);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    // helmet's default (same-origin) would stop every other website from running it.
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('revalidates with the ETag and sends compressed bytes to browsers that take them', async () => {
    const gz = await raw(`${t.url}/embed.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(CODE)).toBe(true);
    const br = await raw(`${t.url}/embed.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    const again = await raw(`${t.url}/embed.js`, {
      'accept-encoding': 'gzip, deflate, br',
      'if-none-match': String(br.headers['etag']),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('GET /embed/embed.<hash>.js is cached forever; unknown or odd names are 404', async () => {
    const res = await raw(`${t.url}/embed/${FILE}`);
    expect(res.status).toBe(200);
    expect(res.body.equals(CODE)).toBe(true);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    for (const path of [
      '/embed/embed.0123456789abcdef.js',
      '/embed/..%2Fmanifest.json',
      '/embed/embed.js.gz',
    ]) {
      const missing = await raw(`${t.url}${path}`);
      expect(missing.status).toBe(404);
      expect(missing.headers['cache-control']).toBe('no-store');
    }
  });

  it('GET /embed/manifest.json names the current file and its integrity, for pinned snippets', async () => {
    const res = await fetch(`${t.url}/embed/manifest.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ file: FILE, hash: HASH, integrity: 'sha384-test' });
  });
});

describe('the embed script before a build', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: false, env: { PARLEY_EMBED_DIR: '/nonexistent-embed-dir' } });
  });
  afterAll(() => t.close());

  it('is a 404 saying what is missing, not an error', async () => {
    const res = await fetch(`${t.url}/embed.js`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'The built embed script was not found.' },
    });
  });
});
