import type { ApolloServerPlugin } from '@apollo/server';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, type ValidationRule } from 'graphql';

/** Deeper than any screen of the console needs; stops recursive query abuse. */
export const MAX_QUERY_DEPTH = 10;
/** Each field costs 1 unless it says otherwise (lists declare their cost via `complexity`). */
export const MAX_QUERY_COMPLEXITY = 1000;

/** The depth limit, a validation rule from a maintained library: GRAPHQL_VALIDATION_FAILED. */
export function queryLimitRules(): ValidationRule[] {
  return [depthLimit(MAX_QUERY_DEPTH) as ValidationRule];
}

/**
 * The complexity limit, checked once the operation and its variables are known (as a static
 * validation rule it has no variables, and refuses every operation that declares one). Refuses
 * before anything runs, with GRAPHQL_VALIDATION_FAILED.
 */
export function queryComplexityPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Bad variables: execution reports them to the client in its own words.
            return;
          }
          if (complexity > MAX_QUERY_COMPLEXITY) {
            throw new GraphQLError(
              `This query is too complex (${complexity}); the limit is ${MAX_QUERY_COMPLEXITY}. Ask for fewer fields or items.`,
              {
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
