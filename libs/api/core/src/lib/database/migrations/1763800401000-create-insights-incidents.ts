import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DbRole } from '../db-roles';

// As of this migration (a later change to the coded values needs a new one).
const SEVERITIES = [1, 2, 3, 4];
const PLATFORMS = [
  'facebook',
  'x',
  'instagram',
  'tiktok',
  'nextdoor',
  'google_reviews',
  'whatsapp',
  'other',
];

/** Incident counters, by the month (UK time) the post was seen. */
const INCIDENT_COUNTERS: [string, string][] = [
  ['incidents', 'true'],
  ...SEVERITIES.map((s): [string, string] => [`severity_${s}`, `severity = ${s}`]),
  ...PLATFORMS.map((p): [string, string] => [`platform_${p}`, `platform = '${p}'`]),
  ['staff_named', 'staff_named'],
];
/** Escalation counters, by the month the step was taken. A removal is immediate or not, never both. */
const STEP_COUNTERS: [string, string][] = [
  ['invite_discussion', `kind = 'invite_discussion'`],
  ['contact_group_admins', `kind = 'contact_group_admins'`],
  ['formal_warning', `kind = 'formal_warning'`],
  ['removal_request', `kind = 'removal_request' AND NOT immediate`],
  ['immediate_removal', `kind = 'removal_request' AND immediate`],
];
const COUNTERS = [...INCIDENT_COUNTERS, ...STEP_COUNTERS];
const INCIDENT_FACTS = ['practice_id', 'id', 'seen_at', 'severity', 'platform', 'staff_named'];
const STEP_FACTS = ['practice_id', 'id', 'kind', 'taken_on', 'immediate'];

const names = (counters: [string, string][]) => counters.map(([c]) => c).join(', ');
const signed = (counters: [string, string][]) =>
  counters.map(([c, when]) => `CASE WHEN ${when} THEN sign ELSE 0 END AS ${c}`).join(', ');
const zeros = (counters: [string, string][]) => counters.map(([c]) => `0 AS ${c}`).join(', ');

function changes(
  op: 'insert' | 'update' | 'delete' | 'all',
  table: string,
  facts: string[],
): string {
  const cols = facts.join(', ');
  const same = (a: string, b: string) =>
    `${b}.practice_id = ${a}.practice_id AND ${b}.id = ${a}.id AND (${facts.map((f) => `${b}.${f}`).join(', ')}) IS NOT DISTINCT FROM (${facts
      .map((f) => `${a}.${f}`)
      .join(', ')})`;
  switch (op) {
    case 'insert':
      return `SELECT 1 AS sign, ${cols} FROM new_rows`;
    case 'delete':
      return `SELECT -1 AS sign, ${cols} FROM old_rows`;
    case 'all':
      return `SELECT 1 AS sign, ${cols} FROM public.${table}`;
    case 'update':
      return `SELECT -1 AS sign, ${facts.map((f) => `o.${f}`).join(', ')} FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE ${same('o', 'n')})
              UNION ALL
              SELECT 1 AS sign, ${facts.map((f) => `n.${f}`).join(', ')} FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE ${same('n', 'o')})`;
  }
}

/** Moves insights.incident_monthly by signed incident rows, or signed step rows. Triggers and rebuild share it. */
function deltaSql(kind: 'incidents' | 'steps', source: string): string {
  const month =
    kind === 'incidents'
      ? `date_trunc('month', c.seen_at AT TIME ZONE 'Europe/London')::date`
      : `date_trunc('month', c.taken_on)::date`;
  const counters =
    kind === 'incidents'
      ? `${signed(INCIDENT_COUNTERS)}, ${zeros(STEP_COUNTERS)}`
      : `${zeros(INCIDENT_COUNTERS)}, ${signed(STEP_COUNTERS)}`;
  return `
    INSERT INTO insights.incident_monthly AS m (practice_id, month, icb_id, ${names(COUNTERS)})
    SELECT c.practice_id, c.month, c.icb_id, ${COUNTERS.map(([col]) => `sum(counted.${col})::int`).join(', ')}
      FROM (SELECT c.*, p.icb_id, ${month} AS month FROM (${source}) c JOIN public.practices p ON p.id = c.practice_id) c,
           LATERAL (SELECT ${counters}) counted
     GROUP BY c.practice_id, c.month, c.icb_id
    HAVING ${COUNTERS.map(([col]) => `sum(counted.${col}) <> 0`).join(' OR ')}
    ON CONFLICT (practice_id, month) DO UPDATE SET ${COUNTERS.map(([c]) => `${c} = m.${c} + EXCLUDED.${c}`).join(', ')};`;
}

const DEFINER = `LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp`;
const SETTING = `current_setting('parley.audited_icb_ids', true)`;
const ICB_VISIBLE = `((SELECT ${SETTING} = '*')
  OR icb_id = ANY ((SELECT CASE WHEN ${SETTING} = '*' THEN NULL ELSE string_to_array(NULLIF(${SETTING}, ''), ',')::uuid[] END)::uuid[]))`;

/**
 * Social-media incidents and the escalation ladder's steps, as monthly counts per practice for ICB
 * insights: by severity, platform and whether staff were named; steps by rung (immediate removals
 * apart). Kept by the same kind of statement-level triggers as the feedback aggregates; nothing
 * that identifies a patient or quotes a post is copied.
 */
export class CreateInsightsIncidents1763800401000 implements MigrationInterface {
  name = 'CreateInsightsIncidents1763800401000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insights.incident_monthly (
        practice_id uuid NOT NULL REFERENCES public.practices(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        icb_id uuid NOT NULL REFERENCES public.icbs(id),
        ${COUNTERS.map(([c]) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (practice_id, month)
      ) WITH (fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05)`);
    await q.query(
      `CREATE INDEX incident_monthly_icb_idx ON insights.incident_monthly (icb_id, month)`,
    );

    const referencing = {
      insert: 'NEW TABLE AS new_rows',
      update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
      delete: 'OLD TABLE AS old_rows',
    };
    for (const [table, kind, facts] of [
      ['social_media_incidents', 'incidents', INCIDENT_FACTS],
      ['incident_actions', 'steps', STEP_FACTS],
    ] as const) {
      for (const op of ['insert', 'update', 'delete'] as const) {
        await q.query(`
          CREATE FUNCTION insights.${table}_${op}d() RETURNS trigger ${DEFINER} AS $fn$
          BEGIN
            ${deltaSql(kind, changes(op, table, [...facts]))}
            RETURN NULL;
          END $fn$`);
        await q.query(`
          CREATE TRIGGER ${table}_insights_${op} AFTER ${op.toUpperCase()} ON public.${table}
            REFERENCING ${referencing[op]} FOR EACH STATEMENT EXECUTE FUNCTION insights.${table}_${op}d()`);
      }
    }

    await q.query(`
      CREATE FUNCTION insights.practice_icb_changed_incidents() RETURNS trigger ${DEFINER} AS $fn$
      BEGIN
        UPDATE insights.incident_monthly SET icb_id = NEW.icb_id WHERE practice_id = NEW.id;
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER practices_insights_incidents_icb AFTER UPDATE OF icb_id ON public.practices
        FOR EACH ROW WHEN (OLD.icb_id IS DISTINCT FROM NEW.icb_id) EXECUTE FUNCTION insights.practice_icb_changed_incidents()`);

    // insights.rebuild() now covers these counts too.
    await q.query(`ALTER FUNCTION insights.rebuild() RENAME TO rebuild_feedback`);
    await q.query(`
      CREATE FUNCTION insights.rebuild() RETURNS void ${DEFINER} AS $fn$
      BEGIN
        PERFORM insights.rebuild_feedback();
        TRUNCATE insights.incident_monthly;
        ${deltaSql('incidents', changes('all', 'social_media_incidents', INCIDENT_FACTS))}
        ${deltaSql('steps', changes('all', 'incident_actions', STEP_FACTS))}
      END $fn$`);
    await q.query(`REVOKE ALL ON ALL FUNCTIONS IN SCHEMA insights FROM PUBLIC`);
    await q.query(`
      DO $$
      BEGIN
        IF (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) THEN
          TRUNCATE insights.incident_monthly;
          ${deltaSql('incidents', changes('all', 'social_media_incidents', INCIDENT_FACTS))}
          ${deltaSql('steps', changes('all', 'incident_actions', STEP_FACTS))}
        END IF;
      END $$`);

    await q.query(`GRANT SELECT ON insights.incident_monthly TO ${DbRole.Auditor}`);
    await q.query(`ALTER TABLE insights.incident_monthly ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY audited_icbs ON insights.incident_monthly FOR SELECT TO ${DbRole.Auditor} USING ${ICB_VISIBLE}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['social_media_incidents', 'incident_actions']) {
      for (const op of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER ${table}_insights_${op} ON public.${table}`);
        await q.query(`DROP FUNCTION insights.${table}_${op}d()`);
      }
    }
    await q.query(`DROP TRIGGER practices_insights_incidents_icb ON public.practices`);
    await q.query(`DROP FUNCTION insights.practice_icb_changed_incidents()`);
    await q.query(`DROP FUNCTION insights.rebuild()`);
    await q.query(`ALTER FUNCTION insights.rebuild_feedback() RENAME TO rebuild`);
    await q.query(`DROP TABLE insights.incident_monthly`);
  }
}
