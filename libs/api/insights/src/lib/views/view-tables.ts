import { type CountNetwork, SUPPRESSED, type TableOfEdges } from '../suppression/count-network';
import type { InsightsColumn, InsightsCount, InsightsTable } from '../insights.types';

/** A table of a view before suppression: labels, and the network edge behind each number. */
export interface TableSpec extends TableOfEdges {
  key: string;
  title: string;
  description: string;
  columns: InsightsColumn[];
  rows: { key: string; label: string; cells: string[]; total: string }[];
}

/** A protected view: its network and the counts to hide. */
export class ProtectedView {
  constructor(
    readonly network: CountNetwork,
    readonly hidden: ReadonlySet<string>,
  ) {}

  count(id: string): InsightsCount {
    const { value } = this.network.get(id);
    return this.hidden.has(id)
      ? { value: null, suppressed: true, display: SUPPRESSED }
      : { value, suppressed: false, display: String(value) };
  }

  /** The true value, only when it is shown (for rates and flags). */
  shown(id: string): number | null {
    return this.hidden.has(id) ? null : this.network.get(id).value;
  }

  table(spec: TableSpec): InsightsTable {
    return {
      key: spec.key,
      title: spec.title,
      description: spec.description,
      columns: spec.columns,
      rows: spec.rows.map((row) => ({
        key: row.key,
        label: row.label,
        cells: row.cells.map((id) => this.count(id)),
        total: this.count(row.total),
      })),
      columnTotals: spec.columnTotals.map((id) => this.count(id)),
      grandTotal: this.count(spec.grandTotal),
    };
  }
}

/**
 * Adds a plain table (rows × columns with totals) to the network as its own circulation:
 * grand → row totals → cells → column totals → grand. Edge ids are `prefix.r:row`, `prefix.c:row:col`,
 * `prefix.k:col` and `prefix.all`.
 */
export function addTable(
  network: CountNetwork,
  prefix: string,
  rows: readonly { key: string }[],
  columns: readonly { key: string }[],
  value: (row: string, column: string) => number,
): {
  rows: { key: string; cells: string[]; total: string }[];
  columnTotals: string[];
  grandTotal: string;
} {
  const src = `${prefix}:src`;
  const sink = `${prefix}:sink`;
  const columnSums = columns.map(() => 0);
  let grand = 0;
  const specRows = rows.map((row) => {
    const cells = columns.map((column, j) => {
      const v = value(row.key, column.key);
      columnSums[j] = (columnSums[j] ?? 0) + v;
      return network.edge(
        `${prefix}.c:${row.key}:${column.key}`,
        `${prefix}:row:${row.key}`,
        `${prefix}:col:${column.key}`,
        v,
      );
    });
    const rowSum = columns.reduce((sum, column) => sum + value(row.key, column.key), 0);
    grand += rowSum;
    return {
      key: row.key,
      cells,
      total: network.edge(
        `${prefix}.r:${row.key}`,
        src,
        `${prefix}:row:${row.key}`,
        rowSum,
        'total',
      ),
    };
  });
  const columnTotals = columns.map((column, j) =>
    network.edge(
      `${prefix}.k:${column.key}`,
      `${prefix}:col:${column.key}`,
      sink,
      columnSums[j] ?? 0,
      'total',
    ),
  );
  const grandTotal = network.edge(`${prefix}.all`, sink, src, grand, 'total');
  return { rows: specRows, columnTotals, grandTotal };
}

export function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}
