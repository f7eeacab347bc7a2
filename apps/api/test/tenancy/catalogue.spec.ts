import { DbRole, distributeForCitus, listTables } from '@parley/api/core';
import { startTestApp, type TestApp } from '../support/test-app';

/** What PostgreSQL itself guarantees, read from its catalogue. */
describe('tenancy catalogue', () => {
  let t: TestApp;
  const owner = () => t.db.dataSource;

  beforeAll(async () => {
    t = await startTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('the application and auditor roles are not superusers and cannot bypass RLS or own tables', async () => {
    const roles = await owner().query(
      `SELECT rolname, rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`,
      [[DbRole.App, DbRole.Auditor]],
    );
    expect(roles).toEqual([
      { rolname: DbRole.App, rolsuper: false, rolbypassrls: false, rolcanlogin: false },
      { rolname: DbRole.Auditor, rolsuper: false, rolbypassrls: false, rolcanlogin: false },
    ]);
    const owned = await owner().query(
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = ANY($1)`,
      [[DbRole.App, DbRole.Auditor]],
    );
    expect(owned).toEqual([]);
  });

  it('every table with a practice_id has RLS enabled and forced, with a policy', async () => {
    const tables = await owner().query(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies,
              a.attnotnull AS not_null
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'practice_id'
        WHERE c.relkind = 'r' AND c.relname NOT IN ('memberships', 'invitations')
        ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table).toEqual({
        table: table.table,
        enabled: true,
        forced: true,
        policies: 1,
        not_null: true,
      });
    }
  });

  it('every primary key and unique constraint of a practice-owned table starts with practice_id', async () => {
    const constraints = await owner().query(
      `SELECT c.relname AS table, con.conname AS name, a.attname AS first_column
         FROM pg_constraint con
         JOIN pg_class c ON c.oid = con.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = con.conkey[1]
        WHERE con.contype IN ('p', 'u')
          AND c.relrowsecurity
        ORDER BY 1, 2`,
    );
    expect(constraints.length).toBeGreaterThan(0);
    expect(
      constraints.filter((c: { first_column: string }) => c.first_column !== 'practice_id'),
    ).toEqual([]);
  });

  it('foreign keys between practice-owned tables include practice_id', async () => {
    const fks = await owner().query(
      `SELECT con.conname AS name,
              (SELECT array_agg(a.attname::text) FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)) AS columns
         FROM pg_constraint con
         JOIN pg_class src ON src.oid = con.conrelid
         JOIN pg_class dst ON dst.oid = con.confrelid
        WHERE con.contype = 'f' AND src.relrowsecurity AND dst.relrowsecurity`,
    );
    expect(fks.filter((fk: { columns: string[] }) => !fk.columns.includes('practice_id'))).toEqual(
      [],
    );
  });

  it('every practice-owned table is distributable by practice_id (Citus): keys and foreign keys include it', async () => {
    const tables = (await listTables(owner())).filter((t) => t.hasPracticeId);
    expect(tables.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const table of tables) {
      const constraints: {
        name: string;
        type: string;
        columns: string[];
        refers_to_practice_owned: boolean | null;
      }[] = await owner().query(
        `SELECT con.conname AS name, con.contype AS type,
                (SELECT array_agg(a.attname::text) FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)) AS columns,
                (SELECT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.confrelid AND a.attname = 'practice_id')) AS refers_to_practice_owned
           FROM pg_constraint con
          WHERE con.conrelid = $1::regclass AND con.contype IN ('p', 'u', 'f')`,
        [`${table.schema}.${table.name}`],
      );
      for (const c of constraints) {
        const needsPracticeId =
          c.type !== 'f' ||
          (c.refers_to_practice_owned &&
            !(c.columns.length === 1 && c.columns[0] === 'practice_id'));
        if (needsPracticeId && !c.columns.includes('practice_id'))
          problems.push(`${table.schema}.${table.name}: ${c.name}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('no global (reference) table has a foreign key into a practice-owned table', async () => {
    const tables = await listTables(owner());
    const global = tables.filter((t) => !t.hasPracticeId).map((t) => `${t.schema}.${t.name}`);
    const bad = await owner().query(
      `SELECT con.conname FROM pg_constraint con
        WHERE con.contype = 'f' AND con.conrelid::regclass::text = ANY($1)
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.confrelid AND a.attname = 'practice_id')`,
      [global.map((g) => g.replace(/^public\./, ''))],
    );
    expect(bad).toEqual([]);
  });

  it('does nothing for Citus on a database without the citus extension', async () => {
    expect(await distributeForCitus(owner())).toEqual({ citus: false, placed: [] });
  });
});
