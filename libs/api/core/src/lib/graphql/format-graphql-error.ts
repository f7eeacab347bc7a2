import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
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

/**
 * What graphql-js itself says, without a code, about arguments and variables it could not coerce
 * while executing: `first: null` for `Int! = 25`, or more bad variables than it reports. They are
 * about the request, and name the argument.
 */
const COERCION_MESSAGE =
  /^(Argument "[^"]+" |Variable "\$[^"]+" |Too many errors processing variables)/;

function isCoercionError(original: unknown): original is GraphQLError {
  return (
    original instanceof GraphQLError &&
    original.extensions?.['code'] === undefined &&
    COERCION_MESSAGE.test(original.message)
  );
}

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
  if (isCoercionError(original)) {
    return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
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
