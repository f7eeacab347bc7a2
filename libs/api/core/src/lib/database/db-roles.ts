/**
 * Database roles. Migrations run as the connection's own user (the owner); every unit of work
 * switches to one of these with SET LOCAL ROLE, so row-level security applies to it.
 */
export const DbRole = {
  /** Practice data through RLS; owns nothing; no BYPASSRLS. */
  App: 'parley_app',
  /** ICB aggregates only; no grant on any table holding patient details or free text. */
  Auditor: 'parley_auditor',
} as const;
export type DbRole = (typeof DbRole)[keyof typeof DbRole];

/** The transaction-local setting that row-level security policies compare practice_id with. */
export const TENANT_SETTING = 'parley.practice_id';
