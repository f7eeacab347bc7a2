import type { ApolloDriverConfig } from '@nestjs/apollo';
import { JwtService } from '@nestjs/jwt';
import type { ParleyConfig } from '../config/parley-config';
import type { Database } from '../database/database';
import { formatGraphqlError } from './format-graphql-error';

/** Code-first schema; introspection and field suggestions only outside production. */
export function graphqlOptions(config: ParleyConfig, database: Database): ApolloDriverConfig {
  const production = config.env === 'production';
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError,
    context: (input: {
      req?: unknown;
      res?: unknown;
      connectionParams?: unknown;
      extra?: unknown;
    }) =>
      input.req === undefined && input.extra !== undefined
        ? { req: subscriptionRequest(input.connectionParams) }
        : { req: input.req, res: input.res },
    // Live alerts over graphql-ws on the same path. A connection is accepted only with a valid
    // access token for a member of the named practice; each subscription is then checked again
    // by the access guard, like any operation.
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        onConnect: (ctx) => admitConnection(config, database, ctx.connectionParams),
      },
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `{ authorization: 'Bearer <access token>', practiceId }`, as a graphql-ws client sends it at connect. */
function connectionCredentials(params: unknown): { token: string; practiceId: string } | null {
  if (!params || typeof params !== 'object') return null;
  const { authorization, practiceId } = params as Record<string, unknown>;
  if (typeof authorization !== 'string' || typeof practiceId !== 'string' || !UUID.test(practiceId))
    return null;
  const token = authorization.replace(/^Bearer\s+/i, '').trim();
  return token ? { token, practiceId: practiceId.toLowerCase() } : null;
}

/** Refuses (graphql-ws closes with 4403) unless the token is valid and its holder belongs to the practice. */
async function admitConnection(
  config: ParleyConfig,
  database: Database,
  params: unknown,
): Promise<boolean> {
  const credentials = connectionCredentials(params);
  if (!credentials) return false;
  let userId: unknown;
  try {
    const jwt = new JwtService({ secret: config.jwtSecret });
    ({ sub: userId } = await jwt.verifyAsync<{ sub?: unknown }>(credentials.token, {
      algorithms: ['HS256'],
    }));
  } catch {
    return false;
  }
  if (typeof userId !== 'string' || !UUID.test(userId)) return false;
  const rows = await database.run({ tenantPracticeId: null }, (uow) =>
    uow.query('SELECT 1 FROM memberships WHERE user_id = $1 AND practice_id = $2', [
      userId,
      credentials.practiceId,
    ]),
  );
  return rows.length > 0;
}

/** What the access guard reads for an operation on a live connection: the same headers as over HTTP. */
function subscriptionRequest(params: unknown): { headers: Record<string, string> } {
  const credentials = connectionCredentials(params);
  if (!credentials) return { headers: {} };
  return {
    headers: {
      authorization: `Bearer ${credentials.token}`,
      'x-parley-practice': credentials.practiceId,
    },
  };
}
