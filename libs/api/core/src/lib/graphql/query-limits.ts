import depthLimit from 'graphql-depth-limit';
import { createComplexityRule, fieldExtensionsEstimator, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, type ValidationRule } from 'graphql';

/** Deeper than any screen of the console needs; stops recursive query abuse. */
export const MAX_QUERY_DEPTH = 10;
/** Each field costs 1 unless it says otherwise (lists declare their cost via `complexity`). */
export const MAX_QUERY_COMPLEXITY = 1000;

/**
 * Validation rules that refuse abusive queries before anything runs: depth and complexity
 * limits from maintained libraries. Both answer GRAPHQL_VALIDATION_FAILED.
 */
export function queryLimitRules(): ValidationRule[] {
  return [
    depthLimit(MAX_QUERY_DEPTH) as ValidationRule,
    createComplexityRule({
      maximumComplexity: MAX_QUERY_COMPLEXITY,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      createError: (max, actual) =>
        new GraphQLError(`This query is too complex (${actual}); the limit is ${max}. Ask for fewer fields or items.`, {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
    }) as ValidationRule,
  ];
}
