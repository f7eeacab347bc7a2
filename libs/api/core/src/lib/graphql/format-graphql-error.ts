import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import { ParleyError } from '../errors/parley-errors';

const logger = new Logger('GraphQL');

/** Codes Apollo itself raises for malformed requests: safe to show as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

function originalOf(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  while (current && typeof current === 'object' && current.originalError)
    current = current.originalError as typeof current;
  return current;
}

/**
 * Shows expected errors with their code (and field) and masks everything else: no SQL,
 * constraint names or stack traces reach a client, only a correlation id to search the logs by.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = originalOf(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof ParleyError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  const correlationId = randomUUID();
  logger.error({ err: original ?? error, correlationId }, 'Unexpected GraphQL error');
  return {
    ...base,
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
  };
}
