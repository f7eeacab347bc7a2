/** PostgreSQL error codes the services turn into business errors. */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: PgError;
}

function pgErrorOf(error: unknown): PgError | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as PgError;
  return e.driverError ?? e;
}

/** True when the error is a unique violation (optionally of the named constraint). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgErrorOf(error);
  return e?.code === UNIQUE_VIOLATION && (!constraint || e.constraint === constraint);
}

export function isForeignKeyViolation(error: unknown): boolean {
  return pgErrorOf(error)?.code === FOREIGN_KEY_VIOLATION;
}

/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, restart). */
const CONNECTION_STATES = /^(08\d{3}|57P0[1-4])$/;
/** Node and node-postgres errors of a connection that is gone or never came. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
const CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;

/** True when the error means the database connection failed, not the statement. */
export function isConnectionError(error: unknown): boolean {
  const e = pgErrorOf(error) as (PgError & { message?: string }) | null;
  if (!e) return false;
  if (e.code && (CONNECTION_STATES.test(e.code) || CONNECTION_CODES.has(e.code))) return true;
  const message = e.message ?? (error as { message?: string }).message ?? '';
  return CONNECTION_MESSAGES.test(message);
}
