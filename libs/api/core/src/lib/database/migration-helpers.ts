import type { QueryRunner } from 'typeorm';
import { DbRole, TENANT_SETTING } from './db-roles';

/**
 * Building blocks for migrations, so every practice-owned table is isolated the same way.
 * Migrations run as the owner; the roles below own nothing.
 */

/** Creates a NOLOGIN role once per cluster. Concurrent test databases may race: both are fine. */
export async function ensureRole(runner: QueryRunner, role: DbRole): Promise<void> {
  await runner.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
        CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$;`);
  // The connecting user must be able to SET ROLE to it (a superuser already can).
  await runner.query(`
    DO $$
    BEGIN
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
         AND NOT pg_has_role(current_user, '${role}', 'MEMBER') THEN
        EXECUTE format('GRANT ${role} TO %I', current_user);
      END IF;
    EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
    END $$;`);
}

/**
 * ENABLE + FORCE row-level security with the one equality policy on the transaction-local
 * practice setting. With no practice set, the setting is '' → NULL: no row matches, no insert
 * passes the check (fail closed).
 */
export async function isolateByPractice(runner: QueryRunner, table: string): Promise<void> {
  await runner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await runner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await runner.query(`
    CREATE POLICY practice_isolation ON ${table}
      USING (practice_id = NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid)
      WITH CHECK (practice_id = NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid)`);
}

/** Grants only what is listed; anything else stays denied. */
export async function grant(
  runner: QueryRunner,
  privileges: string,
  table: string,
  role: DbRole = DbRole.App,
): Promise<void> {
  await runner.query(`GRANT ${privileges} ON ${table} TO ${role}`);
}
