import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DbRole } from '../db-roles';
import { ensureRole, grant } from '../migration-helpers';

/** Roles, ICBs, practices, people and their memberships, sign-in tokens and invitations. */
export class CreateRolesAndTenancy1763800000000 implements MigrationInterface {
  name = 'CreateRolesAndTenancy1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await ensureRole(q, DbRole.App);
    await ensureRole(q, DbRole.Auditor);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${DbRole.App}`);

    await q.query(`
      CREATE TABLE icbs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE practices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        icb_id uuid NOT NULL REFERENCES icbs(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        list_size integer NOT NULL CHECK (list_size BETWEEN 1 AND 1000000),
        ods_code text UNIQUE CHECK (ods_code ~ '^[A-Z0-9]{3,10}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX practices_icb_idx ON practices (icb_id)`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        password_hash text,
        failed_sign_ins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_email_key UNIQUE (email)
      )`);
    await q.query(`
      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('practice_manager', 'practice_staff', 'icb_auditor', 'platform_admin')),
        practice_id uuid REFERENCES practices(id),
        icb_id uuid REFERENCES icbs(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT memberships_scope_check CHECK (
          (role IN ('practice_manager', 'practice_staff') AND practice_id IS NOT NULL AND icb_id IS NULL)
          OR (role = 'icb_auditor' AND icb_id IS NOT NULL AND practice_id IS NULL)
          OR (role = 'platform_admin' AND practice_id IS NULL AND icb_id IS NULL)),
        CONSTRAINT memberships_unique UNIQUE NULLS NOT DISTINCT (user_id, role, practice_id, icb_id)
      )`);
    await q.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);
    await q.query(`CREATE INDEX memberships_practice_idx ON memberships (practice_id)`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('practice_manager', 'practice_staff', 'icb_auditor', 'platform_admin')),
        practice_id uuid REFERENCES practices(id),
        icb_id uuid REFERENCES icbs(id),
        invited_by uuid NOT NULL REFERENCES users(id),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX invitations_practice_idx ON invitations (practice_id)`);

    // Global tables: no practice_id, so no RLS; the services decide who may see what.
    await grant(q, 'SELECT, INSERT', 'icbs');
    await grant(q, 'SELECT, INSERT, UPDATE', 'practices');
    await grant(q, 'SELECT, INSERT, UPDATE', 'users');
    await grant(q, 'SELECT, INSERT, DELETE', 'memberships');
    await grant(q, 'SELECT, INSERT, UPDATE', 'refresh_tokens');
    await grant(q, 'SELECT, INSERT, UPDATE', 'invitations');
    // Auditors may know which practices exist in their ICB and nothing about people.
    await grant(q, 'SELECT', 'icbs', DbRole.Auditor);
    await grant(q, 'SELECT', 'practices', DbRole.Auditor);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${DbRole.Auditor}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'invitations',
      'refresh_tokens',
      'memberships',
      'users',
      'practices',
      'icbs',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
