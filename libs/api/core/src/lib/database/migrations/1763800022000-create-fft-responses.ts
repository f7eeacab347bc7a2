import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grant, isolateByPractice } from '../migration-helpers';

/**
 * Friends and Family Test answers. The rating and the day are what monthly counts are built from;
 * the optional free-text comment lives in its own table so counts never carry it along.
 */
export class CreateFftResponses1763800022000 implements MigrationInterface {
  name = 'CreateFftResponses1763800022000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fft_responses (
        practice_id uuid NOT NULL REFERENCES practices(id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        rating text NOT NULL CHECK (rating IN ('very_good', 'good', 'neither', 'poor', 'very_poor', 'dont_know')),
        responded_on date NOT NULL,
        recorded_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (practice_id, id)
      )`);
    await q.query(
      `CREATE INDEX fft_responses_day_idx ON fft_responses (practice_id, responded_on)`,
    );
    await q.query(`
      CREATE TABLE fft_comments (
        practice_id uuid NOT NULL REFERENCES practices(id),
        response_id uuid NOT NULL,
        comment text NOT NULL CHECK (length(comment) BETWEEN 1 AND 4000),
        PRIMARY KEY (practice_id, response_id),
        CONSTRAINT fft_comments_response_fkey FOREIGN KEY (practice_id, response_id) REFERENCES fft_responses (practice_id, id)
      )`);
    await isolateByPractice(q, 'fft_responses');
    await isolateByPractice(q, 'fft_comments');
    await grant(q, 'SELECT, INSERT', 'fft_responses');
    await grant(q, 'SELECT, INSERT', 'fft_comments');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE fft_comments');
    await q.query('DROP TABLE fft_responses');
  }
}
