import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grant, isolateByPractice } from '../migration-helpers';

/**
 * The audit trail: practice events (isolated per practice) and platform events. Append-only
 * for the application: it may insert and read, never update or delete.
 */
export class CreateAuditLog1763800001000 implements MigrationInterface {
  name = 'CreateAuditLog1763800001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        actor_user_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id)
      )`);
    await q.query(
      `CREATE INDEX audit_events_time_idx ON audit_events (practice_id, occurred_at DESC)`,
    );
    await isolateByPractice(q, 'audit_events');
    await grant(q, 'SELECT, INSERT', 'audit_events');

    await q.query(`
      CREATE TABLE platform_audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        actor_user_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await grant(q, 'SELECT, INSERT', 'platform_audit_events');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE platform_audit_events');
    await q.query('DROP TABLE audit_events');
  }
}
