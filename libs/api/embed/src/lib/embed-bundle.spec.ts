import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EmbedBundles, etagMatches, negotiate } from './embed-bundle';

/** Writes a build like apps/embed/build.mjs does; returns its hashed file name. */
function writeBuild(dir: string, code: string, { manifest = true, gzip = true } = {}): string {
  const bytes = Buffer.from(code);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const file = `embed.${hash}.js`;
  writeFileSync(join(dir, file), bytes);
  if (gzip) writeFileSync(join(dir, `${file}.gz`), gzipSync(bytes));
  if (manifest) {
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        file,
        hash,
        integrity: 'sha384-x',
        bytes: bytes.length,
        gzipBytes: 1,
        brotliBytes: 0,
      }),
    );
  }
  return file;
}

describe('EmbedBundles', () => {
  let dir: string;
  let now = 0;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-embed-'));
    now = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has nothing to serve before a build', async () => {
    const bundles = new EmbedBundles(dir, () => now);
    expect(await bundles.latest()).toBeNull();
    expect(await bundles.byFile('embed.0123456789abcdef.js')).toBeNull();
  });

  it('serves the manifest’s bundle, and a rebuilt one once it notices', async () => {
    const first = writeBuild(dir, 'console.log(1)');
    const bundles = new EmbedBundles(dir, () => now);
    expect((await bundles.latest())!.manifest.file).toBe(first);
    const second = writeBuild(dir, 'console.log(2)');
    now += 10_000;
    expect((await bundles.latest())!.manifest.file).toBe(second);
    // The older hashed file is still there, so pinned pages keep working.
    expect((await bundles.byFile(first))!.bodies.identity.toString()).toBe('console.log(1)');
  });

  it('refuses names that are not hashed bundles, and files whose content does not match the name', async () => {
    writeBuild(dir, 'x');
    writeFileSync(join(dir, 'embed.0123456789abcdef.js'), 'tampered');
    const bundles = new EmbedBundles(dir, () => now);
    for (const name of [
      'manifest.json',
      '../embed.js',
      'embed.js',
      'embed.XYZ.js',
      'embed.0123456789abcdef.js',
    ]) {
      expect(await bundles.byFile(name)).toBeNull();
    }
  });
});

describe('negotiate', () => {
  const bundle = {
    hash: 'abc12345',
    manifest: {} as never,
    bodies: { identity: Buffer.from('plain'), gzip: Buffer.from('gz'), br: Buffer.from('br') },
  };

  it('prefers brotli, then gzip, and gives each representation its own ETag', () => {
    expect(negotiate(bundle, 'gzip, deflate, br')).toMatchObject({
      encoding: 'br',
      etag: '"abc12345-br"',
    });
    expect(negotiate(bundle, 'gzip')).toMatchObject({ encoding: 'gzip', etag: '"abc12345-gz"' });
    expect(negotiate(bundle, 'br;q=0, gzip;q=0.5')).toMatchObject({ encoding: 'gzip' });
    expect(negotiate(bundle, undefined)).toMatchObject({
      encoding: 'identity',
      etag: '"abc12345"',
    });
    expect(
      negotiate({ ...bundle, bodies: { identity: bundle.bodies.identity } }, 'br'),
    ).toMatchObject({ encoding: 'identity' });
  });

  it('matches If-None-Match weakly, in lists and for *', () => {
    expect(etagMatches('W/"abc12345-br"', '"abc12345-br"')).toBe(true);
    expect(etagMatches('"x", "abc12345"', '"abc12345"')).toBe(true);
    expect(etagMatches('*', '"abc12345"')).toBe(true);
    expect(etagMatches('"abc12345"', '"abc12345-br"')).toBe(false);
    expect(etagMatches(undefined, '"abc12345"')).toBe(false);
  });
});
