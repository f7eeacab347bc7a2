import type { INestApplication } from '@nestjs/common';
import { RequestContext } from '@parley/api/core';
import { PublicPolicyService } from '@parley/api/policy';
import { type DocumentNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * The public policy is read by every embed on every practice website: the hottest path Parley
 * has. These two reads are answered before Express and Apollo when the answer is already in
 * memory, and fall through to the full stack otherwise (which fills the memory):
 *  - GET /public/practices/:slug/policy, from the public policy cache (same bytes, ETag and
 *    headers as the controller);
 *  - anonymous POST /graphql whose operation reads only `publicPolicy`, from the response the
 *    full stack gave last time for the same request, as long as the policy it served is still
 *    the current one (a publish changes its ETag, so the next request goes through again).
 */
export function installFastPublicReads(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  const policies = app.get(PublicPolicyService);
  const graphql = new PublicGraphqlCache();
  const [fullStack] = server.listeners('request') as ((
    req: IncomingMessage,
    res: ServerResponse,
  ) => void)[];
  if (!fullStack) return;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const handled = route(req, res, policies, graphql, fullStack);
    if (!handled) fullStack(req, res);
  });
}

const POLICY_PATH = /^\/public\/practices\/([a-z0-9-]{1,80})\/policy$/;
const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

type FullStack = (req: IncomingMessage, res: ServerResponse) => void;

/** Returns true when it took the request (answered it, or will hand it on itself). */
function route(
  req: IncomingMessage,
  res: ServerResponse,
  policies: PublicPolicyService,
  graphql: PublicGraphqlCache,
  fullStack: FullStack,
): boolean {
  const url = req.url ?? '';
  if (req.method === 'GET' || req.method === 'HEAD') {
    const match = POLICY_PATH.exec(url);
    if (!match) return false;
    void answerPolicy(req, res, match[1], policies, fullStack);
    return true;
  }
  if (req.method === 'POST' && url === '/graphql' && !req.headers['authorization'] && isJson(req)) {
    void answerGraphql(req, res, policies, graphql, fullStack);
    return true;
  }
  return false;
}

async function answerPolicy(
  req: IncomingMessage,
  res: ServerResponse,
  slug: string,
  policies: PublicPolicyService,
  fullStack: FullStack,
): Promise<void> {
  let entry;
  try {
    entry = await policies.bySlug(RequestContext.anonymous('fast-path'), slug);
  } catch {
    entry = null;
  }
  // Unknown practices, errors and anything unusual get the full stack's answer.
  if (!entry) return fullStack(req, res);
  const notModified = (req.headers['if-none-match'] ?? '')
    .split(',')
    .some((tag) => tag.trim() === entry.etag);
  res.writeHead(notModified ? 304 : 200, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'public, max-age=60, stale-while-revalidate=600',
    ETag: entry.etag,
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'X-Request-Id': randomUUID(),
    ...(notModified ? {} : { 'Content-Length': Buffer.byteLength(entry.json) }),
  });
  res.end(notModified || req.method === 'HEAD' ? undefined : entry.json);
}

async function answerGraphql(
  req: IncomingMessage,
  res: ServerResponse,
  policies: PublicPolicyService,
  cache: PublicGraphqlCache,
  fullStack: FullStack,
): Promise<void> {
  const raw = await readBody(req);
  let body: { query?: unknown; variables?: unknown; operationName?: unknown } | null = null;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    body = null;
  }
  // Hand the parsed body on, so Express's JSON parser does not wait for a stream already read.
  const forward = () => {
    Object.assign(req, { body: body ?? {}, _body: true });
    fullStack(req, res);
  };
  const slug = body ? cache.publicPolicySlug(body) : null;
  if (!body || !slug) return forward();

  const key = raw.toString('utf8');
  const current = await policies
    .bySlug(RequestContext.anonymous('fast-path'), slug)
    .catch(() => null);
  const hit = cache.get(key);
  if (hit && current && hit.etag === current.etag) {
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Request-Id': randomUUID(),
      'Content-Length': hit.bytes.length,
    });
    res.end(hit.bytes);
    return;
  }
  if (current)
    captureResponse(
      res,
      (status, bytes) =>
        status === 200 && !bytes.includes('"errors"') && cache.set(key, current.etag, bytes),
    );
  forward();
}

/** Remembers the bytes the full stack sends, to answer the same request next time. */
function captureResponse(
  res: ServerResponse,
  done: (status: number, bytes: Buffer & { includes(s: string): boolean }) => void,
): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk && typeof chunk !== 'function')
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    done(res.statusCode, Buffer.concat(chunks));
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
}

function isJson(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
}

const MAX_BODY = 100_000;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.destroy();
        reject(new Error('body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

interface CachedResponse {
  etag: string;
  bytes: Buffer;
}

const MAX_ENTRIES = 1_000;

/** Parsed documents and captured responses of anonymous `publicPolicy` requests, bounded. */
class PublicGraphqlCache {
  private readonly responses = new Map<string, CachedResponse>();
  private readonly documents = new Map<string, DocumentNode | null>();

  get(key: string): CachedResponse | undefined {
    return this.responses.get(key);
  }

  set(key: string, etag: string, bytes: Buffer): void {
    if (this.responses.size >= MAX_ENTRIES)
      this.responses.delete(this.responses.keys().next().value as string);
    this.responses.set(key, { etag, bytes });
  }

  /** The practice slug when the request is a query selecting only `publicPolicy` (once); else null. */
  publicPolicySlug(body: {
    query?: unknown;
    variables?: unknown;
    operationName?: unknown;
  }): string | null {
    if (typeof body.query !== 'string' || body.query.length > 2_000) return null;
    const document = this.parse(body.query);
    if (!document || document.definitions.length !== 1) return null;
    const operation = document.definitions[0] as OperationDefinitionNode;
    if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'query')
      return null;
    const fields = operation.selectionSet.selections;
    if (
      fields.length !== 1 ||
      fields[0].kind !== Kind.FIELD ||
      fields[0].name.value !== 'publicPolicy'
    )
      return null;
    const arg = fields[0].arguments?.find((a) => a.name.value === 'practiceSlug');
    if (!arg) return null;
    if (arg.value.kind === Kind.STRING) return arg.value.value;
    if (arg.value.kind === Kind.VARIABLE && body.variables && typeof body.variables === 'object') {
      const value = (body.variables as Record<string, unknown>)[arg.value.name.value];
      return typeof value === 'string' ? value : null;
    }
    return null;
  }

  private parse(query: string): DocumentNode | null {
    if (this.documents.has(query)) return this.documents.get(query) ?? null;
    let document: DocumentNode | null = null;
    try {
      document = parse(query);
    } catch {
      document = null;
    }
    if (this.documents.size >= MAX_ENTRIES)
      this.documents.delete(this.documents.keys().next().value as string);
    this.documents.set(query, document);
    return document;
  }
}
