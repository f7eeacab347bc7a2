import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What `apps/embed/build.mjs` writes beside the bundle. */
export interface EmbedManifest {
  file: string;
  hash: string;
  integrity: string;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** One built bundle in memory, in each encoding the build wrote. */
export interface EmbedBundle {
  manifest: EmbedManifest;
  hash: string;
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
}

/** A representation to send: the bytes, their encoding and a strong ETag of their own. */
export interface Representation {
  body: Buffer;
  encoding: Encoding;
  etag: string;
}

const HASHED_FILE = /^embed\.([a-f0-9]{8,64})\.js$/;
/** How often a running server looks for a rebuilt bundle (deployments restart it anyway). */
const RECHECK_MS = 5_000;

/**
 * The built embed bundles in a folder, read once and kept in memory (the current one is a few
 * KB). The current bundle is the manifest's; older hashed files left in the folder by a
 * deployment are still served, so pages pinned to them keep working.
 */
export class EmbedBundles {
  private current: { bundle: EmbedBundle; mtimeMs: number } | null = null;
  private checkedAt = 0;
  private readonly older = new Map<string, EmbedBundle>();

  constructor(
    readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The current bundle, or null when the folder holds no build. */
  async latest(): Promise<EmbedBundle | null> {
    const now = this.now();
    if (this.current && now - this.checkedAt < RECHECK_MS) return this.current.bundle;
    this.checkedAt = now;
    const manifestPath = join(this.dir, 'manifest.json');
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(manifestPath)).mtimeMs;
    } catch {
      this.current = null;
      return null;
    }
    if (this.current && this.current.mtimeMs === mtimeMs) return this.current.bundle;
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as EmbedManifest;
    const bundle = await this.load(manifest.file, manifest);
    this.current = bundle ? { bundle, mtimeMs } : null;
    return bundle;
  }

  /** A bundle by its hashed file name (`embed.<hash>.js`), or null. */
  async byFile(file: string): Promise<EmbedBundle | null> {
    if (!HASHED_FILE.test(file)) return null;
    const latest = await this.latest();
    if (latest && latest.manifest.file === file) return latest;
    const known = this.older.get(file);
    if (known) return known;
    const bundle = await this.load(file, null);
    if (bundle && this.older.size < 20) this.older.set(file, bundle);
    return bundle;
  }

  private async load(file: string, manifest: EmbedManifest | null): Promise<EmbedBundle | null> {
    const match = HASHED_FILE.exec(file);
    if (!match) return null;
    const read = (name: string) => readFile(join(this.dir, name)).catch(() => undefined);
    const [identity, gzip, br] = await Promise.all([
      read(file),
      read(`${file}.gz`),
      read(`${file}.br`),
    ]);
    if (!identity) return null;
    // The content hash in the name is checked, so a partly copied folder is never served as current.
    const hash = match[1];
    if (!createHash('sha256').update(identity).digest('hex').startsWith(hash)) return null;
    return {
      manifest: manifest ?? {
        file,
        hash,
        integrity: '',
        bytes: identity.length,
        gzipBytes: gzip?.length ?? 0,
        brotliBytes: br?.length ?? 0,
      },
      hash,
      bodies: { identity, gzip, br },
    };
  }
}

/** The best representation for an Accept-Encoding header: brotli, then gzip, then plain. */
export function negotiate(bundle: EmbedBundle, acceptEncoding: string | undefined): Representation {
  const accepted = acceptedEncodings(acceptEncoding ?? '');
  for (const encoding of ['br', 'gzip'] as const) {
    const body = bundle.bodies[encoding];
    if (body && accepted.has(encoding))
      return { body, encoding, etag: `"${bundle.hash}-${encoding === 'br' ? 'br' : 'gz'}"` };
  }
  return { body: bundle.bodies.identity, encoding: 'identity', etag: `"${bundle.hash}"` };
}

function acceptedEncodings(header: string): Set<string> {
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    if (name && !(q && Number(q[1]) === 0)) accepted.add(name);
  }
  return accepted;
}

/** If-None-Match with the weak comparison (RFC 9110 §13.1.2), for a list of tags or `*`. */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''));
  return tags.includes('*') || tags.includes(etag);
}
