import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grant, isolateByPractice } from '../migration-helpers';

/**
 * Retention of complaint records (NHS Records Management Code: 10 years after closure). Each
 * practice may keep them longer (`complaint_retention_settings`, absent = the 10-year default);
 * when the period has run a manager reviews the record and the decision is appended to
 * `complaint_retention_reviews`: keep it for some more years, or approve it for destruction.
 * Reviews are append-only and nothing here, or anywhere, lets the application delete a record.
 */
export class CreateComplaintRetention1763800500000 implements MigrationInterface {
  name = 'CreateComplaintRetention1763800500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaint_retention_settings (
        practice_id uuid NOT NULL REFERENCES practices(id),
        retention_years int NOT NULL CHECK (retention_years BETWEEN 10 AND 30),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id)
      )`);

    await q.query(`
      CREATE TABLE complaint_retention_reviews (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        feedback_id uuid NOT NULL,
        decision text NOT NULL CHECK (decision IN ('keep', 'approved_for_destruction')),
        keep_years int CHECK (keep_years BETWEEN 1 AND 30),
        keep_until date,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        retention_years int NOT NULL CHECK (retention_years BETWEEN 10 AND 30),
        decided_by uuid,
        -- clock_timestamp, not now(): two decisions in one transaction keep their order.
        decided_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (practice_id, id),
        CONSTRAINT complaint_retention_reviews_item_fkey FOREIGN KEY (practice_id, feedback_id) REFERENCES feedback_items (practice_id, id),
        CONSTRAINT complaint_retention_reviews_keep_check CHECK (
          (decision = 'keep') = (keep_years IS NOT NULL AND keep_until IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX complaint_retention_reviews_item_idx ON complaint_retention_reviews (practice_id, feedback_id, decided_at DESC)`,
    );
    // The review list reads closed complaints oldest first.
    await q.query(`
      CREATE INDEX feedback_items_closed_complaints_idx ON feedback_items (practice_id, closed_on, id)
        WHERE kind = 'complaint' AND closed_on IS NOT NULL`);

    await isolateByPractice(q, 'complaint_retention_settings');
    await isolateByPractice(q, 'complaint_retention_reviews');
    await grant(q, 'SELECT, INSERT, UPDATE', 'complaint_retention_settings');
    await grant(q, 'SELECT, INSERT', 'complaint_retention_reviews');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX feedback_items_closed_complaints_idx');
    await q.query('DROP TABLE complaint_retention_reviews');
    await q.query('DROP TABLE complaint_retention_settings');
  }
}
