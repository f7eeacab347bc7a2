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
