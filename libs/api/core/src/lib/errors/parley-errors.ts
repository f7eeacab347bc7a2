/**
 * Expected failures, each with a stable code the console and API clients can rely on. Anything
 * else thrown is unexpected and reaches clients only as a masked "Internal server error".
 */
export abstract class ParleyError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;
  /** The input field the message is about, when there is one. */
  readonly field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

export class InputError extends ParleyError {
  readonly code = 'BAD_USER_INPUT';
  readonly httpStatus = 400;
}

export class UnauthenticatedError extends ParleyError {
  readonly code = 'UNAUTHENTICATED';
  readonly httpStatus = 401;
  constructor(message = 'Sign in to continue.') {
    super(message);
  }
}

export class ForbiddenError extends ParleyError {
  readonly code = 'FORBIDDEN';
  readonly httpStatus = 403;
  constructor(message = 'You do not have permission to do this.') {
    super(message);
  }
}

/** Also used for rows of another practice: the caller learns nothing about their existence. */
export class NotFoundError extends ParleyError {
  readonly code = 'NOT_FOUND';
  readonly httpStatus = 404;
  constructor(what = 'The item') {
    super(`${what} was not found.`);
  }
}

export class ConflictError extends ParleyError {
  readonly code = 'CONFLICT';
  readonly httpStatus = 409;
}

export class RateLimitedError extends ParleyError {
  readonly code = 'RATE_LIMITED';
  readonly httpStatus = 429;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests. Try again in ${retryAfterSeconds} seconds.`);
  }
}

/**
 * The database cannot be reached (restarting, failing over, network): nothing the caller did
 * wrong, and worth retrying. A write that failed this way may or may not have committed, so
 * only idempotent retries (the public form's Idempotency-Key) are safe.
 */
export class DatabaseUnavailableError extends ParleyError {
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly httpStatus = 503;
  readonly retryAfterSeconds = 2;
  constructor() {
    super('The service is briefly unavailable. Try again in a few seconds.');
  }
}
