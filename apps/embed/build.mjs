#!/usr/bin/env node
// Bundles the embed into one small script (no framework, ES2019, minified IIFE) and writes:
//   dist/apps/embed/embed.js               the current bundle under its stable name
//   dist/apps/embed/embed.<hash>.js        the same bytes under a content hash (cached forever)
//   dist/apps/embed/embed.<hash>.js.gz|br  pre-compressed copies, served when the browser accepts them
//   dist/apps/embed/manifest.json          which hashed file is current, its SRI integrity and sizes
// The output is deterministic: the same sources give the same hash.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const out = join(root, 'dist/apps/embed');

const result = await build({
  absWorkingDir: root,
  entryPoints: ['apps/embed/src/main.ts'],
  tsconfig: 'apps/embed/tsconfig.json',
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2019'],
  legalComments: 'none',
  charset: 'utf8',
  write: false,
  logLevel: 'warning',
});
const code = Buffer.from(result.outputFiles[0].contents);
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const file = `embed.${hash}.js`;
const gzip = gzipSync(code, { level: 9 });
const brotli = brotliCompressSync(code, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length },
});

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'embed.js'), code);
writeFileSync(join(out, file), code);
writeFileSync(join(out, `${file}.gz`), gzip);
writeFileSync(join(out, `${file}.br`), brotli);
const manifest = {
  file,
  hash,
  integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
  bytes: code.length,
  gzipBytes: gzip.length,
  brotliBytes: brotli.length,
};
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `${relative(root, join(out, file))}: ${code.length} B, ${gzip.length} B gzipped, ${brotli.length} B brotli`,
);
