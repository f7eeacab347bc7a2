/** Codes the API sends in `extensions.code`, plus the two the client raises itself. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'GRAPHQL_PARSE_FAILED'
  /** The API could not be reached (offline, server down). */
  | 'NETWORK_ERROR'
  /** The response was not a GraphQL response (e.g. a proxy error page). */
  | 'BAD_RESPONSE';

/** One error as it arrives in a GraphQL response's `errors` array. */
export interface GraphqlErrorBody {
  message?: string;
  extensions?: { code?: string; field?: string; correlationId?: string; [key: string]: unknown };
}

/**
 * A failed API call, whatever went wrong: GraphQL errors, HTTP errors and network failures all
 * become one of these, so pages only ever handle `ApiError`.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode | (string & {}),
    message: string,
    /** The input field the message is about (BAD_USER_INPUT), e.g. `email` or `input.email`. */
    readonly field?: string,
    /** For INTERNAL_SERVER_ERROR: what to quote to support. */
    readonly correlationId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static fromGraphql(error: GraphqlErrorBody): ApiError {
    const ext = error.extensions ?? {};
    const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL_SERVER_ERROR';
    if (code === 'INTERNAL_SERVER_ERROR') {
      const ref = typeof ext.correlationId === 'string' ? ext.correlationId : undefined;
      const message = ref
        ? `Something went wrong on our side. If it keeps happening, quote reference ${ref}.`
        : 'Something went wrong on our side. Please try again.';
      return new ApiError(code, message, undefined, ref);
    }
    return new ApiError(
      code,
      error.message || 'The request failed.',
      typeof ext.field === 'string' ? ext.field : undefined,
    );
  }

  /** The field's last segment (`input.email` → `email`), to match a form control name. */
  get fieldName(): string | undefined {
    return this.field?.split('.').pop();
  }
}

/** A message fit to show a person for anything a call can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}
