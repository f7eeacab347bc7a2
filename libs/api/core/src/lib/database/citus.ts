import type { DataSource } from 'typeorm';

/** Schemas whose tables Parley owns. A table is practice-owned when it has practice_id NOT NULL. */
const SCHEMAS = ['public', 'insights'];
const MIGRATIONS_TABLE = 'parley_migrations';

interface TableRef {
  schema: string;
  name: string;
  hasPracticeId: boolean;
}

const qualified = (t: TableRef) => `${t.schema}.${t.name}`;

/**
 * When the database is Citus, distributes every table that carries a practice_id by it (so a
 * practice's rows live on one shard and tenant queries route to it) and makes the global lookups
 * reference tables. Runs after every migration run and skips tables already placed, so new
 * tables join automatically. Without the citus extension it does nothing.
 */
export async function distributeForCitus(
  dataSource: DataSource,
): Promise<{ citus: boolean; placed: string[] }> {
  const [{ present }] = await dataSource.query(
    `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS present`,
  );
  if (!present) return { citus: false, placed: [] };

  const tables = await listTables(dataSource);
  const placedAlready = new Set<string>(
    (
      await dataSource.query(`SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition`)
    ).map((r: { name: string }) => (r.name.includes('.') ? r.name : `public.${r.name}`)),
  );
  const order = await dependencyOrder(dataSource, tables);
  const placed: string[] = [];
  // Reference tables first: distributed tables may reference them, never the other way round.
  for (const table of order.filter((t) => !t.hasPracticeId)) {
    if (placedAlready.has(qualified(table))) continue;
    await dataSource.query(`SELECT create_reference_table($1)`, [qualified(table)]);
    placed.push(qualified(table));
  }
  for (const table of order.filter((t) => t.hasPracticeId)) {
    if (placedAlready.has(qualified(table))) continue;
    await dataSource.query(`SELECT create_distributed_table($1, 'practice_id')`, [
      qualified(table),
    ]);
    placed.push(qualified(table));
  }
  return { citus: true, placed };
}

export async function listTables(dataSource: DataSource): Promise<TableRef[]> {
  const rows: { schema: string; name: string; has_practice_id: boolean }[] = await dataSource.query(
    `SELECT n.nspname AS schema, c.relname AS name,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'practice_id' AND a.attnotnull AND NOT a.attisdropped) AS has_practice_id
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1) AND c.relname <> $2
      ORDER BY 1, 2`,
    [SCHEMAS, MIGRATIONS_TABLE],
  );
  return rows.map((r) => ({ schema: r.schema, name: r.name, hasPracticeId: r.has_practice_id }));
}

/** Tables ordered so that every table comes after the tables its foreign keys reference. */
async function dependencyOrder(dataSource: DataSource, tables: TableRef[]): Promise<TableRef[]> {
  const edges: { src: string; dst: string }[] = await dataSource.query(
    `SELECT sn.nspname || '.' || s.relname AS src, dn.nspname || '.' || d.relname AS dst
       FROM pg_constraint con
       JOIN pg_class s ON s.oid = con.conrelid JOIN pg_namespace sn ON sn.oid = s.relnamespace
       JOIN pg_class d ON d.oid = con.confrelid JOIN pg_namespace dn ON dn.oid = d.relnamespace
      WHERE con.contype = 'f'`,
  );
  const byName = new Map(tables.map((t) => [qualified(t), t]));
  const done = new Set<string>();
  const ordered: TableRef[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name) || !byName.has(name)) return;
    path.add(name);
    for (const edge of edges.filter((e) => e.src === name && e.dst !== name)) visit(edge.dst, path);
    done.add(name);
    ordered.push(byName.get(name) as TableRef);
  };
  for (const table of tables) visit(qualified(table), new Set());
  return ordered;
}
