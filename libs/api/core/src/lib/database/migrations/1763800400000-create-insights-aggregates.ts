import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DbRole } from '../db-roles';

// The coded values as they stood when this migration was written. A migration never reads the
// live enums: a later change to them needs a new migration, not a different old one.
const CHANNEL_KINDS = ['letter_box', 'in_person', 'email', 'phone', 'nhs_website', 'online_form'];
const SUBJECT_AREAS = [
  'clinical',
  'access_appointments',
  'communication',
  'staff_attitude_behaviour',
  'prescribing',
  'practice_administration',
  'premises',
  'other',
];
const STAFF_GROUPS = [
  'gp',
  'nurse',
  'other_clinical',
  'admin_reception',
  'practice_management',
  'other',
];
const AGE_BANDS = ['age_0_15', 'age_16_64', 'age_65_74', 'age_75_84', 'age_85_plus', 'unknown'];
const COMPLAINANT_STATUSES = ['patient', 'relative_carer', 'representative', 'other'];
const OUTCOMES = ['upheld', 'partially_upheld', 'not_upheld'];
const FFT_RATINGS = ['very_good', 'good', 'neither', 'poor', 'very_poor', 'dont_know'];

/** The columns the aggregate triggers read from a feedback item: coded facts only. */
const FEEDBACK_FACTS = [
  'practice_id',
  'id',
  'received_on',
  'kind',
  'sentiment',
  'channel_id',
  'status',
  'outside_regulations',
  'acknowledged_on',
  'closed_on',
  'outcome',
  'subject_areas',
  'staff_groups',
  'complainant_status',
  'age_band',
];
const FFT_FACTS = ['practice_id', 'id', 'rating', 'responded_on'];

/** Counter columns of each aggregate table, with the expression (per changed row) that feeds each. */
const FEEDBACK_COUNTERS: [string, string][] = [
  ['complaints', `kind = 'complaint'`],
  ['compliments', `kind = 'compliment'`],
  ['suggestions', `kind = 'suggestion'`],
  ['positive', `sentiment = 'positive'`],
  ['neutral', `sentiment = 'neutral'`],
  ['negative', `sentiment = 'negative'`],
  ...CHANNEL_KINDS.map((k): [string, string] => [`via_${k}`, `channel_kind = '${k}'`]),
];
const RECEIVED_COUNTERS: [string, string][] = [
  ['received', 'true'],
  ['ack_within_3_days', 'acknowledged_on <= ack_due_on'],
  ['ack_late', 'acknowledged_on > ack_due_on'],
  ['not_acknowledged', 'acknowledged_on IS NULL'],
  ...SUBJECT_AREAS.map((s): [string, string] => [`subject_${s}`, `'${s}' = ANY (subject_areas)`]),
  ...STAFF_GROUPS.map((g): [string, string] => [`staff_${g}`, `'${g}' = ANY (staff_groups)`]),
  ...AGE_BANDS.map((a): [string, string] => [
    a === 'unknown' ? 'age_unknown' : a,
    `age_band = '${a}'`,
  ]),
  ['age_not_recorded', 'age_band IS NULL'],
  ...COMPLAINANT_STATUSES.map((s): [string, string] => [
    `complainant_${s}`,
    `complainant_status = '${s}'`,
  ]),
  ['complainant_not_recorded', 'complainant_status IS NULL'],
];
const CLOSED_COUNTERS: [string, string][] = OUTCOMES.map((o): [string, string] => [
  o,
  `outcome = '${o}'`,
]);
const COMPLAINT_COUNTERS = [...RECEIVED_COUNTERS, ...CLOSED_COUNTERS];
const FFT_COUNTERS: [string, string][] = FFT_RATINGS.map((r): [string, string] => [
  r,
  `rating = '${r}'`,
]);

const counterColumns = (counters: [string, string][]) =>
  counters.map(([c]) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ');
const names = (counters: [string, string][]) => counters.map(([c]) => c).join(', ');
const sums = (counters: [string, string][]) => counters.map(([c]) => `sum(${c})::int`).join(', ');
/** Groups whose changes cancel out (an acknowledgement leaves the kind and channel counts alone) write nothing. */
const moved = (counters: [string, string][]) =>
  `HAVING ${counters.map(([c]) => `sum(${c}) <> 0`).join(' OR ')}`;
const signed = (counters: [string, string][]) =>
  counters
    .map(([c, when]) => `CASE WHEN ${when} THEN sign ELSE 0 END AS ${c}`)
    .join(',\n             ');
const zeros = (counters: [string, string][]) => counters.map(([c]) => `0 AS ${c}`).join(', ');
const accumulate = (table: string, counters: [string, string][]) =>
  counters.map(([c]) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');

/**
 * What changed, as signed rows: +1 for a row as it now is, −1 for a row as it was. An UPDATE
 * contributes only rows whose coded facts changed (an edit of the summary moves nothing).
 */
function changes(
  op: 'insert' | 'update' | 'delete' | 'all' | 'remove-received-between' | 'add-received-between',
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
    case 'remove-received-between':
    case 'add-received-between':
      // Complaints received from first_day to last_day (variables of the calling function).
      return `SELECT ${op === 'add-received-between' ? 1 : -1} AS sign, ${cols} FROM public.${table}
               WHERE kind = 'complaint' AND received_on BETWEEN first_day AND last_day`;
    case 'update':
      return `SELECT -1 AS sign, ${facts.map((f) => `o.${f}`).join(', ')} FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE ${same('o', 'n')})
              UNION ALL
              SELECT 1 AS sign, ${facts.map((f) => `n.${f}`).join(', ')} FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE ${same('n', 'o')})`;
  }
}

/**
 * The statements that move the aggregates by a set of signed feedback rows. The triggers run them
 * on each statement's transition tables; insights.rebuild() runs them over the whole table. One
 * text for both, so a rebuild and the triggers cannot disagree.
 */
function feedbackDeltaSql(source: string, guarded = false): string {
  const changed = `
    WITH changed AS MATERIALIZED (
      SELECT c.*, p.icb_id, ch.kind AS channel_kind
        FROM (${source}) c
        JOIN public.practices p ON p.id = c.practice_id
        JOIN public.feedback_channels ch ON ch.practice_id = c.practice_id AND ch.id = c.channel_id
    )`;
  const feedback = `${changed}
    INSERT INTO insights.feedback_monthly AS m (practice_id, month, icb_id, ${names(FEEDBACK_COUNTERS)})
    SELECT practice_id, month, icb_id, ${sums(FEEDBACK_COUNTERS)}
      FROM (SELECT practice_id, icb_id, date_trunc('month', received_on)::date AS month,
                   ${signed(FEEDBACK_COUNTERS)}
              FROM changed) counted
     GROUP BY practice_id, month, icb_id ${moved(FEEDBACK_COUNTERS)}
    ON CONFLICT (practice_id, month) DO UPDATE SET ${accumulate('m', FEEDBACK_COUNTERS)};`;
  const complaints = `${changed},
    reportable AS (
      -- The KO41(b) population: complaints under the regulations that were not withdrawn.
      SELECT * FROM changed WHERE kind = 'complaint' AND NOT outside_regulations AND status <> 'withdrawn'
    ),
    due AS MATERIALIZED (
      SELECT d.received_on, coalesce(a.ack_due_on, insights.ack_due_on(d.received_on)) AS ack_due_on
        FROM (SELECT DISTINCT received_on FROM reportable) d
        LEFT JOIN insights.ack_due_dates a ON a.received_on = d.received_on
    ),
    counted AS (
      SELECT practice_id, icb_id, date_trunc('month', received_on)::date AS month,
             ${signed(RECEIVED_COUNTERS)},
             ${zeros(CLOSED_COUNTERS)}
        FROM reportable JOIN due USING (received_on)
      UNION ALL
      SELECT practice_id, icb_id, date_trunc('month', closed_on)::date AS month,
             ${zeros(RECEIVED_COUNTERS)},
             ${signed(CLOSED_COUNTERS)}
        FROM reportable WHERE closed_on IS NOT NULL
    )
    INSERT INTO insights.complaint_monthly AS m (practice_id, month, icb_id, ${names(COMPLAINT_COUNTERS)})
    SELECT practice_id, month, icb_id, ${sums(COMPLAINT_COUNTERS)}
      FROM counted GROUP BY practice_id, month, icb_id ${moved(COMPLAINT_COUNTERS)}
    ON CONFLICT (practice_id, month) DO UPDATE SET ${accumulate('m', COMPLAINT_COUNTERS)};`;
  if (!guarded) return `${feedback}\n${complaints}`;
  // Most writes are single rows: skip what they cannot move (nothing changed; no complaint).
  return `
    IF EXISTS (SELECT 1 FROM (${source}) c) THEN
      ${feedback}
      IF EXISTS (SELECT 1 FROM (${source}) c WHERE c.kind = 'complaint') THEN
        ${complaints}
      END IF;
    END IF;`;
}

function fftDeltaSql(source: string): string {
  return `
    WITH changed AS (${source}),
    counted AS (
      SELECT c.practice_id, p.icb_id, date_trunc('month', c.responded_on)::date AS month,
             ${signed(FFT_COUNTERS)}
        FROM changed c JOIN public.practices p ON p.id = c.practice_id
    )
    INSERT INTO insights.fft_monthly AS m (practice_id, month, icb_id, ${names(FFT_COUNTERS)})
    SELECT practice_id, month, icb_id, ${sums(FFT_COUNTERS)}
      FROM counted GROUP BY practice_id, month, icb_id ${moved(FFT_COUNTERS)}
    ON CONFLICT (practice_id, month) DO UPDATE SET ${accumulate('m', FFT_COUNTERS)};`;
}

/** A counter expression with its fact columns read from side o or n (row fields, or locals for the looked-up ones). */
const FACT_NAMES =
  /\b(channel_kind|ack_due_on|kind|sentiment|acknowledged_on|subject_areas|staff_groups|age_band|complainant_status|outcome)\b/g;
function bind(expression: string, side: 'o' | 'n'): string {
  return expression.replace(FACT_NAMES, (name) =>
    name === 'channel_kind' || name === 'ack_due_on' ? `${side}_${name}` : `${side}.${name}`,
  );
}
const flagList = (counters: [string, string][], side: 'o' | 'n', sign: string) =>
  counters.map(([, when]) => `CASE WHEN ${bind(when, side)} THEN ${sign} ELSE 0 END`);
const vector = (counters: [string, string][], side: 'o' | 'n') =>
  `ROW(${flagList(counters, side, '1').join(', ')})`;

/**
 * Adds `values` (one expression per counter) to a practice-month row: an UPDATE first (the row
 * nearly always exists), and only when it does not, the ICB looked up and the row inserted
 * (ON CONFLICT covers a concurrent first insert).
 */
function addTo(
  table: string,
  counters: [string, string][],
  practice: string,
  month: string,
  values: string[],
): string {
  return `
      UPDATE insights.${table} AS m SET ${counters.map(([c], i) => `${c} = m.${c} + (${values[i]})`).join(', ')}
       WHERE m.practice_id = ${practice} AND m.month = ${month};
      IF NOT FOUND THEN
        IF icb IS NULL THEN
          SELECT p.icb_id INTO icb FROM public.practices p WHERE p.id = ${practice};
        END IF;
        INSERT INTO insights.${table} AS m (practice_id, month, icb_id, ${names(counters)})
        VALUES (${practice}, ${month}, icb, ${values.join(', ')})
        ON CONFLICT (practice_id, month) DO UPDATE SET ${accumulate('m', counters)};
      END IF;`;
}

/**
 * The same counts for one item as it was (o) and as it is (n), row by row: what the app's writes
 * (one item per statement) take, so each moves only the counters that changed, in as few upserts
 * as possible (an acknowledgement is one). Statements of many rows take the set-based path.
 */
function moveFeedbackFunction(): string {
  const reportable = (side: 'o' | 'n') =>
    `${side}.kind = 'complaint' AND NOT ${side}.outside_regulations AND ${side}.status <> 'withdrawn'`;
  const month = (side: 'o' | 'n', column: string) => `date_trunc('month', ${side}.${column})::date`;
  const delta = (counters: [string, string][]) =>
    counters.map(
      ([, when]) =>
        `(CASE WHEN ${bind(when, 'n')} THEN 1 ELSE 0 END) - (CASE WHEN ${bind(when, 'o')} THEN 1 ELSE 0 END)`,
    );
  const add = (
    table: string,
    counters: [string, string][],
    side: 'o' | 'n',
    column: string,
    values: string[],
  ) => addTo(table, counters, `${side}.practice_id`, month(side, column), values);
  return `
    CREATE FUNCTION insights.move_feedback(has_old boolean, o public.feedback_items, has_new boolean, n public.feedback_items) RETURNS void ${DEFINER} AS $fn$
    DECLARE
      icb uuid;
      o_channel_kind text;
      n_channel_kind text;
      o_ack_due_on date;
      n_ack_due_on date;
      o_counted boolean := has_old AND ${reportable('o')};
      n_counted boolean := has_new AND ${reportable('n')};
    BEGIN
      IF has_old THEN
        SELECT c.kind INTO o_channel_kind FROM public.feedback_channels c WHERE c.practice_id = o.practice_id AND c.id = o.channel_id;
      END IF;
      IF has_new AND has_old AND n.channel_id = o.channel_id THEN
        n_channel_kind := o_channel_kind;
      ELSIF has_new THEN
        SELECT c.kind INTO n_channel_kind FROM public.feedback_channels c WHERE c.practice_id = n.practice_id AND c.id = n.channel_id;
      END IF;

      IF NOT (has_old AND has_new AND ${month('o', 'received_on')} = ${month('n', 'received_on')}
              AND ${vector(FEEDBACK_COUNTERS, 'o')} IS NOT DISTINCT FROM ${vector(FEEDBACK_COUNTERS, 'n')}) THEN
        IF has_old THEN ${add('feedback_monthly', FEEDBACK_COUNTERS, 'o', 'received_on', flagList(FEEDBACK_COUNTERS, 'o', '-1'))}
        END IF;
        IF has_new THEN ${add('feedback_monthly', FEEDBACK_COUNTERS, 'n', 'received_on', flagList(FEEDBACK_COUNTERS, 'n', '1'))}
        END IF;
      END IF;

      IF o_counted THEN
        SELECT a.ack_due_on INTO o_ack_due_on FROM insights.ack_due_dates a WHERE a.received_on = o.received_on;
        o_ack_due_on := coalesce(o_ack_due_on, insights.ack_due_on(o.received_on));
      END IF;
      IF n_counted AND o_counted AND n.received_on = o.received_on THEN
        n_ack_due_on := o_ack_due_on;
      ELSIF n_counted THEN
        SELECT a.ack_due_on INTO n_ack_due_on FROM insights.ack_due_dates a WHERE a.received_on = n.received_on;
        n_ack_due_on := coalesce(n_ack_due_on, insights.ack_due_on(n.received_on));
      END IF;
      IF o_counted AND n_counted AND ${month('o', 'received_on')} = ${month('n', 'received_on')} THEN
        IF ${vector(RECEIVED_COUNTERS, 'o')} IS DISTINCT FROM ${vector(RECEIVED_COUNTERS, 'n')} THEN
          ${add('complaint_monthly', RECEIVED_COUNTERS, 'n', 'received_on', delta(RECEIVED_COUNTERS))}
        END IF;
      ELSE
        IF o_counted THEN ${add('complaint_monthly', RECEIVED_COUNTERS, 'o', 'received_on', flagList(RECEIVED_COUNTERS, 'o', '-1'))}
        END IF;
        IF n_counted THEN ${add('complaint_monthly', RECEIVED_COUNTERS, 'n', 'received_on', flagList(RECEIVED_COUNTERS, 'n', '1'))}
        END IF;
      END IF;

      IF NOT (o_counted AND n_counted AND o.closed_on IS NOT NULL AND n.closed_on IS NOT NULL
              AND ${month('o', 'closed_on')} = ${month('n', 'closed_on')} AND o.outcome IS NOT DISTINCT FROM n.outcome) THEN
        IF o_counted AND o.closed_on IS NOT NULL THEN ${add('complaint_monthly', CLOSED_COUNTERS, 'o', 'closed_on', flagList(CLOSED_COUNTERS, 'o', '-1'))}
        END IF;
        IF n_counted AND n.closed_on IS NOT NULL THEN ${add('complaint_monthly', CLOSED_COUNTERS, 'n', 'closed_on', flagList(CLOSED_COUNTERS, 'n', '1'))}
        END IF;
      END IF;
    END $fn$`;
}

/** Statements of up to this many rows take the row path; larger ones (imports, rebuilds) the set-based one. */
const ROW_PATH_MAX = 8;

function feedbackTriggerBody(op: 'insert' | 'update' | 'delete'): string {
  const setBased = feedbackDeltaSql(changes(op, 'feedback_items', FEEDBACK_FACTS), true);
  if (op === 'insert') {
    return `
      IF (SELECT count(*) FROM new_rows) > ${ROW_PATH_MAX} THEN ${setBased}
      ELSE
        PERFORM insights.move_feedback(false, NULL, true, n) FROM new_rows n;
      END IF;`;
  }
  if (op === 'delete') {
    return `
      IF (SELECT count(*) FROM old_rows) > ${ROW_PATH_MAX} THEN ${setBased}
      ELSE
        PERFORM insights.move_feedback(true, o, false, NULL) FROM old_rows o;
      END IF;`;
  }
  // Row by row only when every old row pairs with its new self (a key never changes in the app).
  return `
      IF (SELECT count(*) FROM new_rows) > ${ROW_PATH_MAX}
         OR EXISTS (SELECT 1 FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.practice_id = o.practice_id AND n.id = o.id)) THEN ${setBased}
      ELSE
        PERFORM insights.move_feedback(true, o, true, n) FROM old_rows o JOIN new_rows n ON n.practice_id = o.practice_id AND n.id = o.id;
      END IF;`;
}

/** Trigger functions run as their owner (the migration role): the application role writes nothing here. */
const DEFINER = `LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp`;

/**
 * Auditor reads see only the ICBs set for the transaction ('*' for a platform admin); unset, they
 * see nothing. The insights library sets it (same name there).
 */
const AUDITED_ICBS_SETTING = 'parley.audited_icb_ids';
const SETTING = `current_setting('${AUDITED_ICBS_SETTING}', true)`;
// Sub-selects run once per statement; the CASE keeps '*' away from the uuid cast whatever order
// PostgreSQL evaluates the OR in.
const ICB_VISIBLE = `((SELECT ${SETTING} = '*')
  OR icb_id = ANY ((SELECT CASE WHEN ${SETTING} = '*' THEN NULL ELSE string_to_array(NULLIF(${SETTING}, ''), ',')::uuid[] END)::uuid[]))`;

const AGGREGATES = ['feedback_monthly', 'complaint_monthly', 'fft_monthly', 'policy_overview'];
/**
 * Counter rows are updated in place all day: half-empty pages keep those updates HOT (the new
 * version on the same page, no index entry), so the tables neither bloat nor scatter an ICB's
 * rows over ever more pages; autovacuum visits them early.
 */
const COUNTER_TABLE =
  'fillfactor = 50, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05';

/**
 * ICB insights: a schema of aggregate tables (counts per practice × month, the policy overview,
 * the ICB's flagging thresholds), kept current by statement-level triggers on the practice
 * tables. The auditor role reads only this schema (plus the ICB and practice directory); it has
 * no grant on any table holding patient details or free text, and its rows are limited by ICB.
 */
export class CreateInsightsAggregates1763800400000 implements MigrationInterface {
  name = 'CreateInsightsAggregates1763800400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA insights`);
    await q.query(`REVOKE ALL ON SCHEMA insights FROM PUBLIC`);

    // Counts by the month the item was received; on a practice × month row, so an ICB's trend
    // over five years reads 60 rows per practice however many items there are.
    await q.query(`
      CREATE TABLE insights.feedback_monthly (
        practice_id uuid NOT NULL REFERENCES public.practices(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        icb_id uuid NOT NULL REFERENCES public.icbs(id),
        ${counterColumns(FEEDBACK_COUNTERS)},
        PRIMARY KEY (practice_id, month)
      ) WITH (${COUNTER_TABLE})`);
    // Complaints under the regulations (not withdrawn): KO41(b) coding and acknowledgement by the
    // month received; outcomes by the month closed. Brought and carried forward follow from these.
    await q.query(`
      CREATE TABLE insights.complaint_monthly (
        practice_id uuid NOT NULL REFERENCES public.practices(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        icb_id uuid NOT NULL REFERENCES public.icbs(id),
        ${counterColumns(COMPLAINT_COUNTERS)},
        PRIMARY KEY (practice_id, month)
      ) WITH (${COUNTER_TABLE})`);
    await q.query(`
      CREATE TABLE insights.fft_monthly (
        practice_id uuid NOT NULL REFERENCES public.practices(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        icb_id uuid NOT NULL REFERENCES public.icbs(id),
        ${counterColumns(FFT_COUNTERS)},
        PRIMARY KEY (practice_id, month)
      ) WITH (${COUNTER_TABLE})`);
    await q.query(`
      CREATE TABLE insights.policy_overview (
        practice_id uuid NOT NULL REFERENCES public.practices(id),
        icb_id uuid NOT NULL REFERENCES public.icbs(id),
        version_number integer NOT NULL,
        effective_date date NOT NULL,
        published_at timestamptz NOT NULL,
        warning_codes text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (practice_id)
      )`);
    for (const table of ['feedback_monthly', 'complaint_monthly', 'fft_monthly']) {
      await q.query(`CREATE INDEX ${table}_icb_idx ON insights.${table} (icb_id, month)`);
    }
    await q.query(`CREATE INDEX policy_overview_icb_idx ON insights.policy_overview (icb_id)`);

    await q.query(`
      CREATE TABLE insights.icb_thresholds (
        icb_id uuid PRIMARY KEY REFERENCES public.icbs(id),
        max_complaints_per_1000_per_year numeric(8, 2) CHECK (max_complaints_per_1000_per_year >= 0),
        min_ack_within_3_days_percent numeric(5, 2) CHECK (min_ack_within_3_days_percent BETWEEN 0 AND 100),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // The 3rd working day after receipt (the day of receipt is day 0), as the shared
    // addWorkingDays(receivedOn, 3) counts it: weekends and bank holidays are skipped.
    await q.query(`
      CREATE FUNCTION insights.ack_due_on(received date) RETURNS date
        LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
        SELECT g.d::date
          FROM generate_series((received + 1)::timestamp, (received + 30)::timestamp, interval '1 day') AS g(d)
         WHERE extract(isodow FROM g.d) < 6
           AND NOT EXISTS (SELECT 1 FROM public.bank_holidays h WHERE h.holiday_on = g.d::date)
         ORDER BY g.d OFFSET 2 LIMIT 1
      $$`);

    // The acknowledgement due day of every day of receipt, looked up rather than worked out in
    // each trigger; days outside the table fall back to the function.
    await q.query(`
      CREATE TABLE insights.ack_due_dates (
        received_on date PRIMARY KEY,
        ack_due_on date NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION insights.refresh_ack_due_dates(first_day date, last_day date) RETURNS void ${DEFINER} AS $fn$
      BEGIN
        -- Number the working days; a day's due day is the working day numbered 3 after the last
        -- working day on or before it (the same answer as insights.ack_due_on, in one pass).
        WITH days AS (
          SELECT g.d::date AS day,
                 extract(isodow FROM g.d) < 6 AND NOT EXISTS (SELECT 1 FROM public.bank_holidays h WHERE h.holiday_on = g.d::date) AS working
            FROM generate_series(first_day::timestamp, (last_day + 30)::timestamp, interval '1 day') AS g(d)
        ),
        numbered AS (SELECT day, working, count(*) FILTER (WHERE working) OVER (ORDER BY day) AS n FROM days)
        INSERT INTO insights.ack_due_dates (received_on, ack_due_on)
        SELECT r.day, w.day FROM numbered r JOIN numbered w ON w.working AND w.n = r.n + 3
         WHERE r.day <= last_day
        ON CONFLICT (received_on) DO UPDATE SET ack_due_on = EXCLUDED.ack_due_on;
      END $fn$`);
    await q.query(`SELECT insights.refresh_ack_due_dates('2000-01-01', '2060-12-31')`);

    await q.query(moveFeedbackFunction());
    for (const op of ['insert', 'update', 'delete'] as const) {
      await q.query(`
        CREATE FUNCTION insights.feedback_items_${op}d() RETURNS trigger ${DEFINER} AS $fn$
        BEGIN
          ${feedbackTriggerBody(op)}
          RETURN NULL;
        END $fn$`);
      await q.query(`
        CREATE FUNCTION insights.fft_responses_${op}d() RETURNS trigger ${DEFINER} AS $fn$
        BEGIN
          ${fftDeltaSql(changes(op, 'fft_responses', FFT_FACTS))}
          RETURN NULL;
        END $fn$`);
    }
    // Transition tables allow one event per trigger, and no column list on UPDATE.
    const referencing = {
      insert: 'NEW TABLE AS new_rows',
      update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
      delete: 'OLD TABLE AS old_rows',
    };
    for (const op of ['insert', 'update', 'delete'] as const) {
      for (const table of ['feedback_items', 'fft_responses']) {
        await q.query(`
          CREATE TRIGGER ${table}_insights_${op} AFTER ${op.toUpperCase()} ON public.${table}
            REFERENCING ${referencing[op]} FOR EACH STATEMENT EXECUTE FUNCTION insights.${table}_${op}d()`);
      }
    }

    // A channel that changes kind takes its items' counts with it.
    await q.query(`
      CREATE FUNCTION insights.feedback_channel_kind_changed() RETURNS trigger ${DEFINER} AS $fn$
      BEGIN
        UPDATE insights.feedback_monthly m
           SET ${CHANNEL_KINDS.map(
             (k) =>
               `via_${k} = m.via_${k} + CASE WHEN NEW.kind = '${k}' THEN s.n ELSE 0 END - CASE WHEN OLD.kind = '${k}' THEN s.n ELSE 0 END`,
           ).join(',\n               ')}
          FROM (SELECT date_trunc('month', i.received_on)::date AS month, count(*)::int AS n
                  FROM public.feedback_items i
                 WHERE i.practice_id = NEW.practice_id AND i.channel_id = NEW.id
                 GROUP BY 1) s
         WHERE m.practice_id = NEW.practice_id AND m.month = s.month;
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER feedback_channels_insights_kind AFTER UPDATE OF kind ON public.feedback_channels
        FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION insights.feedback_channel_kind_changed()`);

    // A practice that moves ICB (a merger) takes its history with it.
    await q.query(`
      CREATE FUNCTION insights.practice_icb_changed() RETURNS trigger ${DEFINER} AS $fn$
      BEGIN
        ${AGGREGATES.map((t) => `UPDATE insights.${t} SET icb_id = NEW.icb_id WHERE practice_id = NEW.id;`).join('\n        ')}
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER practices_insights_icb AFTER UPDATE OF icb_id ON public.practices
        FOR EACH ROW WHEN (OLD.icb_id IS DISTINCT FROM NEW.icb_id) EXECUTE FUNCTION insights.practice_icb_changed()`);

    // A bank holiday added (or corrected) later moves the due day of complaints received in the
    // days before it: their counts are taken out under the old due days and put back under the new.
    await q.query(`
      CREATE FUNCTION insights.bank_holiday_changed() RETURNS trigger ${DEFINER} AS $fn$
      DECLARE
        first_day date;
        last_day date;
      BEGIN
        -- Three working days never span more than two weeks, holidays included.
        IF TG_OP = 'INSERT' THEN
          first_day := NEW.holiday_on - 14;
          last_day := NEW.holiday_on;
        ELSIF TG_OP = 'DELETE' THEN
          first_day := OLD.holiday_on - 14;
          last_day := OLD.holiday_on;
        ELSE
          first_day := least(OLD.holiday_on, NEW.holiday_on) - 14;
          last_day := greatest(OLD.holiday_on, NEW.holiday_on);
        END IF;
        ${feedbackDeltaSql(changes('remove-received-between', 'feedback_items', FEEDBACK_FACTS))}
        PERFORM insights.refresh_ack_due_dates(first_day, last_day);
        ${feedbackDeltaSql(changes('add-received-between', 'feedback_items', FEEDBACK_FACTS))}
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER bank_holidays_insights AFTER INSERT OR UPDATE OR DELETE ON public.bank_holidays
        FOR EACH ROW EXECUTE FUNCTION insights.bank_holiday_changed()`);

    // The policy overview: each practice's published version, its date and the policy check's
    // warning codes (never the wording's author or anything about patients).
    await q.query(`
      CREATE FUNCTION insights.refresh_policy_overview(target_practice uuid) RETURNS void ${DEFINER} AS $fn$
      BEGIN
        DELETE FROM insights.policy_overview WHERE practice_id = target_practice;
        INSERT INTO insights.policy_overview (practice_id, icb_id, version_number, effective_date, published_at, warning_codes)
        SELECT v.practice_id, p.icb_id, v.version_number, v.effective_date, v.published_at,
               coalesce((SELECT array_agg(DISTINCT w.value ->> 'code' ORDER BY w.value ->> 'code')
                           FROM jsonb_array_elements(v.warnings) w WHERE w.value ->> 'code' IS NOT NULL), '{}')
          FROM public.policy_versions v JOIN public.practices p ON p.id = v.practice_id
         WHERE v.practice_id = target_practice AND v.status = 'published';
      END $fn$`);
    await q.query(`
      CREATE FUNCTION insights.policy_version_changed() RETURNS trigger ${DEFINER} AS $fn$
      BEGIN
        PERFORM insights.refresh_policy_overview(CASE WHEN TG_OP = 'DELETE' THEN OLD.practice_id ELSE NEW.practice_id END);
        RETURN NULL;
      END $fn$`);
    await q.query(`
      CREATE TRIGGER policy_versions_insights AFTER INSERT OR UPDATE OR DELETE ON public.policy_versions
        FOR EACH ROW EXECUTE FUNCTION insights.policy_version_changed()`);

    // Recomputes every aggregate from the practice tables with the triggers' own statements: for
    // repairs, and for loading a large existing log at once. Owner only.
    await q.query(`
      CREATE FUNCTION insights.rebuild() RETURNS void ${DEFINER} AS $fn$
      BEGIN
        TRUNCATE insights.feedback_monthly, insights.complaint_monthly, insights.fft_monthly, insights.policy_overview;
        ${feedbackDeltaSql(changes('all', 'feedback_items', FEEDBACK_FACTS))}
        ${fftDeltaSql(changes('all', 'fft_responses', FFT_FACTS))}
        PERFORM insights.refresh_policy_overview(id) FROM public.practices;
      END $fn$`);
    await q.query(`REVOKE ALL ON ALL FUNCTIONS IN SCHEMA insights FROM PUBLIC`);

    // Build the aggregates of whatever the practice tables already hold. Row-level security is
    // forced on them, so only a role that bypasses it sees every practice's rows.
    await q.query(`
      DO $$
      BEGIN
        IF (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) THEN
          PERFORM insights.rebuild();
        ELSE
          RAISE WARNING 'insights aggregates start empty: if feedback was logged before this migration, run SELECT insights.rebuild() as a role that bypasses row-level security';
        END IF;
      END $$`);

    // The auditor reads aggregates of the ICBs set for its transaction, and nothing else here.
    await q.query(`GRANT USAGE ON SCHEMA insights TO ${DbRole.Auditor}`);
    for (const table of [...AGGREGATES, 'icb_thresholds']) {
      await q.query(`GRANT SELECT ON insights.${table} TO ${DbRole.Auditor}`);
      await q.query(`ALTER TABLE insights.${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY audited_icbs ON insights.${table} FOR SELECT TO ${DbRole.Auditor} USING ${ICB_VISIBLE}`,
      );
    }
    // Thresholds are settings, written by the application role (audited) for an ICB it has set.
    await q.query(`GRANT USAGE ON SCHEMA insights TO ${DbRole.App}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON insights.icb_thresholds TO ${DbRole.App}`);
    await q.query(
      `CREATE POLICY audited_icbs_write ON insights.icb_thresholds FOR ALL TO ${DbRole.App} USING ${ICB_VISIBLE} WITH CHECK ${ICB_VISIBLE}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER feedback_items_insights_${op} ON public.feedback_items`);
      await q.query(`DROP TRIGGER fft_responses_insights_${op} ON public.fft_responses`);
    }
    await q.query(`DROP TRIGGER feedback_channels_insights_kind ON public.feedback_channels`);
    await q.query(`DROP TRIGGER practices_insights_icb ON public.practices`);
    await q.query(`DROP TRIGGER policy_versions_insights ON public.policy_versions`);
    await q.query(`DROP TRIGGER bank_holidays_insights ON public.bank_holidays`);
    await q.query(`DROP SCHEMA insights CASCADE`);
  }
}
