import type { INestApplication } from '@nestjs/common';
import { RequestContext } from '@parley/api/core';
import { matchesEtag, type PublicPolicyEntry, PublicPolicyService } from '@parley/api/policy';
import { type DocumentNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';

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

/**
 * A published policy's response, encoded once per snapshot. The fast path writes no request id:
 * it logs nothing, so an id would point at no log line.
 */
interface PreparedPolicy {
  etag: string;
  bytes: Buffer;
  ok: OutgoingHttpHeaders;
  notModified: OutgoingHttpHeaders;
}

const prepared = new WeakMap<PublicPolicyEntry, PreparedPolicy>();

function prepare(entry: PublicPolicyEntry): PreparedPolicy {
  let ready = prepared.get(entry);
  if (!ready) {
    const bytes = Buffer.from(entry.json, 'utf8');
    const notModified = {
      ...COMMON_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=60, stale-while-revalidate=600',
      ETag: entry.etag,
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    ready = {
      etag: entry.etag,
      bytes,
      notModified,
      ok: { ...notModified, 'Content-Length': bytes.length },
    };
    prepared.set(entry, ready);
  }
  return ready;
}

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
    answerPolicy(req, res, match[1], policies, fullStack);
    return true;
  }
  if (
    req.method === 'POST' &&
    url === '/graphql' &&
    !req.headers['authorization'] &&
    isJson(req) &&
    hasSmallBody(req)
  ) {
    answerGraphql(req, res, policies, graphql, fullStack);
    return true;
  }
  return false;
}

/**
 * Synchronous when the policy is in memory (no promise per request: with AsyncLocalStorage in
 * use, every promise costs a hook); otherwise loads it once through the service.
 */
function answerPolicy(
  req: IncomingMessage,
  res: ServerResponse,
  slug: string,
  policies: PublicPolicyService,
  fullStack: FullStack,
): void {
  const cached = policies.cached(slug);
  if (cached) return sendPolicy(req, res, prepare(cached));
  policies.bySlug(RequestContext.anonymous('fast-path'), slug).then(
    // Unknown practices, nothing published and errors get the full stack's answer.
    (entry) => (entry ? sendPolicy(req, res, prepare(entry)) : fullStack(req, res)),
    () => fullStack(req, res),
  );
}

function sendPolicy(req: IncomingMessage, res: ServerResponse, policy: PreparedPolicy): void {
  if (matchesEtag(req.headers['if-none-match'], policy.etag)) {
    res.writeHead(304, policy.notModified);
    res.end();
    return;
  }
  res.writeHead(200, policy.ok);
  res.end(req.method === 'HEAD' ? undefined : policy.bytes);
}

function answerGraphql(
  req: IncomingMessage,
  res: ServerResponse,
  policies: PublicPolicyService,
  cache: PublicGraphqlCache,
  fullStack: FullStack,
): void {
  readBody(req, (error, raw) => {
    if (error || !raw) return; // the request was destroyed: nobody to answer
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
    const slug = body && typeof body === 'object' ? cache.publicPolicySlug(body) : null;
    if (!body || !slug) return forward();

    const key = raw.toString('utf8');
    const hit = cache.get(key);
    const current = policies.cached(slug);
    if (hit && current && hit.etag === current.etag) {
      res.writeHead(200, hit.headers);
      res.end(hit.bytes);
      return;
    }
    // Not answered from memory: remember what the full stack answers, for the current policy.
    policies.bySlug(RequestContext.anonymous('fast-path'), slug).then(
      (entry) => {
        if (entry)
          captureResponse(
            res,
            (status, bytes) =>
              status === 200 && !bytes.includes('"errors"') && cache.set(key, entry.etag, bytes),
          );
        forward();
      },
      () => forward(),
    );
  });
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

/** Only bodies of a declared, small length: anything else gets the full stack's limits and 413. */
function hasSmallBody(req: IncomingMessage): boolean {
  const length = Number(req.headers['content-length']);
  return Number.isInteger(length) && length >= 0 && length <= MAX_BODY;
}

function readBody(req: IncomingMessage, done: (error: Error | null, body?: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY) {
      req.destroy();
      done(new Error('body too large'));
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => done(null, Buffer.concat(chunks)));
  req.on('error', (error) => done(error));
}

interface CachedResponse {
  etag: string;
  bytes: Buffer;
  headers: OutgoingHttpHeaders;
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
    this.responses.set(key, {
      etag,
      bytes,
      headers: {
        ...COMMON_HEADERS,
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Length': bytes.length,
      },
    });
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
