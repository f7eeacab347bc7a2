import {
  COMPLAINT_COLUMNS,
  FEEDBACK_COLUMNS,
  FFT_COLUMNS,
  INCIDENT_COLUMNS,
  TREND_COMPLAINT_COLUMNS,
} from './columns';

const sums = (columns: readonly string[]) =>
  columns.map((c) => `sum(${c})::int AS ${c}`).join(', ');
const FILTER = `icb_id = $1 AND month BETWEEN $2::date AND $3::date AND ($4::uuid IS NULL OR practice_id = $4::uuid)`;
const jsonRows = (select: string) => `(SELECT coalesce(json_agg(r), '[]') FROM (${select}) r)`;

/**
 * Everything one trend needs, over the aggregate tables only, in one statement: one snapshot, so
 * the tables of a view add up with one another (the view's suppression relies on it). Parameters:
 * $1 ICB id, $2 first month, $3 last month (first of the month), $4 practice id or null for the
 * whole ICB. Each column is a JSON array of rows. The benchmark (tools/bench/insights) times this.
 */
export const TREND_QUERY = `
  WITH complaints AS MATERIALIZED (
    -- One pass over the complaints, grouped both by month and by practice.
    SELECT to_char(month, 'YYYY-MM') AS month, practice_id, ${sums(TREND_COMPLAINT_COLUMNS)}
      FROM insights.complaint_monthly WHERE ${FILTER}
     GROUP BY GROUPING SETS ((month), (practice_id))
  )
  SELECT
    ${jsonRows(`SELECT id, name, ods_code AS "odsCode", list_size AS "listSize" FROM practices
                 WHERE icb_id = $1 AND ($4::uuid IS NULL OR id = $4::uuid) ORDER BY name, id`)} AS practices,
    ${jsonRows(`SELECT month, ${TREND_COMPLAINT_COLUMNS.join(', ')} FROM complaints WHERE practice_id IS NULL`)} AS complaints_by_month,
    ${jsonRows(`SELECT practice_id, received, ack_within_3_days, ack_late, not_acknowledged FROM complaints WHERE month IS NULL`)} AS complaints_by_practice,
    ${jsonRows(`SELECT to_char(month, 'YYYY-MM') AS month, ${sums(FEEDBACK_COLUMNS)}
                  FROM insights.feedback_monthly WHERE ${FILTER} GROUP BY month`)} AS feedback_by_month,
    ${jsonRows(`SELECT to_char(month, 'YYYY-MM') AS month, ${sums(FFT_COLUMNS)}
                  FROM insights.fft_monthly WHERE ${FILTER} GROUP BY month`)} AS fft_by_month,
    ${jsonRows(`SELECT to_char(month, 'YYYY-MM') AS month, ${sums(INCIDENT_COLUMNS)}
                  FROM insights.incident_monthly WHERE ${FILTER} GROUP BY month`)} AS incidents_by_month`;

/** A row of TREND_QUERY (node-pg and PGlite both parse json columns). */
export interface TrendQueryRow {
  practices: { id: string; name: string; odsCode: string | null; listSize: number }[];
  complaints_by_month: ({ month: string } & Record<string, number>)[];
  complaints_by_practice: ({ practice_id: string } & Record<string, number>)[];
  feedback_by_month: ({ month: string } & Record<string, number>)[];
  fft_by_month: ({ month: string } & Record<string, number>)[];
  incidents_by_month: ({ month: string } & Record<string, number>)[];
}

/** KO41(b) needs every month up to the end of the year: brought forward is what was still open. */
export const KO41B_QUERY = `
  SELECT to_char(month, 'YYYY-MM') AS month, ${sums(COMPLAINT_COLUMNS)}
    FROM insights.complaint_monthly
   WHERE icb_id = $1 AND month <= $2::date AND ($3::uuid IS NULL OR practice_id = $3::uuid)
   GROUP BY month ORDER BY month`;
