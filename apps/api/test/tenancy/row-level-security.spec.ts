import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Row-level security on a practice-owned table (audit_events), exercised through the same units
 * of work the services use.
 */
describe('row-level security', () => {
  let t: TestApp;
  let wilmslow: string;
  let trumpington: string;

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
    trumpington = await t.practiceId('trumpington-street');
  });
  afterAll(() => t.close());

  const insert = (practiceBound: string | null, rowPractice: string, marker: string) =>
    t.db.run({ tenantPracticeId: practiceBound }, (uow) =>
      uow.query(
        `INSERT INTO audit_events (practice_id, action, entity_type, entity_id) VALUES ($1, 'test', 'marker', $2)`,
        [rowPractice, marker],
      ),
    );
  const markers = (practiceBound: string | null) =>
    t.db.run({ tenantPracticeId: practiceBound }, (uow) =>
      uow.query<{ entity_id: string; practice_id: string }>(
        `SELECT practice_id, entity_id FROM audit_events WHERE entity_type = 'marker'`,
      ),
    );

  it('fails closed: with no practice set, SELECT sees no rows and INSERT is refused', async () => {
    await insert(wilmslow, wilmslow, 'visible-to-wilmslow');
    expect(await markers(null)).toEqual([]);
    await expect(insert(null, wilmslow, 'sneaky')).rejects.toThrow(/row-level security/);
  });

  it('refuses writing a row for another practice than the one bound', async () => {
    await expect(insert(wilmslow, trumpington, 'cross-practice')).rejects.toThrow(
      /row-level security/,
    );
    expect((await markers(trumpington)).map((m) => m.entity_id)).not.toContain('cross-practice');
  });

  it('refuses UPDATE and DELETE of the append-only audit trail', async () => {
    await expect(
      t.db.run({ tenantPracticeId: wilmslow }, (uow) =>
        uow.query(`UPDATE audit_events SET action = 'x'`),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      t.db.run({ tenantPracticeId: wilmslow }, (uow) => uow.query(`DELETE FROM audit_events`)),
    ).rejects.toThrow(/permission denied/);
  });

  it('leaves no setting behind after a unit of work', async () => {
    await insert(wilmslow, wilmslow, 'before');
    const [{ setting, role }] = await t.db.dataSource.query(
      `SELECT current_setting('parley.practice_id', true) AS setting, current_user AS role`,
    );
    expect(setting || '').toBe('');
    expect(role).not.toBe('parley_app');
  });

  it('100 interleaved concurrent units of work of two practices never see each other', async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const jobs = Array.from({ length: 100 }, (_, i) => {
      const practice = i % 2 === 0 ? wilmslow : trumpington;
      const marker = `${practice}:${randomUUID()}`;
      return t.db.run({ tenantPracticeId: practice }, async (uow) => {
        await sleep(Math.random() * 5);
        await uow.query(
          `INSERT INTO audit_events (practice_id, action, entity_type, entity_id) VALUES ($1, 'test', 'concurrent', $2)`,
          [practice, marker],
        );
        await sleep(Math.random() * 5);
        const seen = await uow.query<{ practice_id: string; entity_id: string }>(
          `SELECT practice_id, entity_id FROM audit_events WHERE entity_type = 'concurrent'`,
        );
        const [{ bound }] = await uow.query<{ bound: string }>(
          `SELECT current_setting('parley.practice_id') AS bound`,
        );
        return { practice, marker, seen, bound };
      });
    });
    const results = await Promise.all(jobs);
    for (const { practice, marker, seen, bound } of results) {
      expect(bound).toBe(practice);
      expect(seen.every((row) => row.practice_id === practice)).toBe(true);
      expect(seen.map((row) => row.entity_id)).toContain(marker);
    }
    const owner = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'concurrent'`,
    );
    expect(owner[0].n).toBe(100);
  });
});
