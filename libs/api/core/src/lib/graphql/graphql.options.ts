import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ParleyConfig } from '../config/parley-config';
import { formatGraphqlError } from './format-graphql-error';

/** Code-first schema; introspection and field suggestions only outside production. */
export function graphqlOptions(config: ParleyConfig): ApolloDriverConfig {
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
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
  };
}
