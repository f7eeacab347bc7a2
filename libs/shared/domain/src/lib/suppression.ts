/** Shown instead of a count of 1 to 4. */
export const SMALL_NUMBER_MARKER = '<5';
/** Shown instead of a larger count hidden only so that a small one cannot be worked out. */
export const COMPLEMENTARY_MARKER = '*';
/** Counts from 1 up to this (inclusive) are never shown. 0 is shown: it identifies nobody. */
export const SMALL_NUMBER_MAX = 4;

/** A number, or the marker that hides it. */
export type DisplayCell = number | string;

export interface SuppressionInput {
  rows: readonly { key: string; cells: readonly number[] }[];
  /** Show row totals, column totals and the grand total (default true). */
  withTotals?: boolean;
  /**
   * One marker for every hidden value. By default small counts show `<5` and complementary ones
   * `*`, which tells a reader the latter are 5 or more; a single marker (e.g. `[c]`) does not.
   */
  uniformMarker?: string;
}

export interface SuppressedTable {
  rows: { key: string; cells: DisplayCell[]; total?: DisplayCell }[];
  columnTotals?: DisplayCell[];
  grandTotal?: DisplayCell;
  /** True where a value is hidden, in the same shape as the display values. */
  mask: {
    cells: boolean[][];
    rowTotals?: boolean[];
    columnTotals?: boolean[];
    grandTotal?: boolean;
  };
}

/**
 * Small-number suppression for an aggregate table, so that no count of 1–4 can be read or
 * worked out from what is shown.
 *
 * Primary: every value of 1–4, totals included, is hidden. Complementary (when totals are
 * shown): the table with its totals is a set of equations, each row and column adding up to its
 * total. A hidden value can be worked out from the shown ones exactly when it lies on no cycle
 * of hidden values (row → column → row …), the single hidden value in a row being the simplest
 * case. So while some hidden value lies on no such cycle, the cheapest set of further values
 * closing one is hidden too: inner cells before totals, smallest sum first. Every row and column
 * therefore ends with 0 or at least 2 hidden values, and no combination of rows and columns
 * pins one down. Zeros stay shown; a line is never completed through a zero.
 *
 * It protects against exact recovery by arithmetic, not against narrowing a hidden value to a
 * range (two hidden values of a row adding to 8, both shown `<5`, must both be 4).
 */
export function suppressTable(input: SuppressionInput): SuppressedTable {
  const withTotals = input.withTotals ?? true;
  const values = extendedTable(input.rows, withTotals);
  const hidden = values.map((row) => row.map((v) => v >= 1 && v <= SMALL_NUMBER_MAX));
  if (withTotals) protectByComplement(values, hidden);

  const show = (i: number, j: number): DisplayCell => {
    const value = values[i]![j]!;
    if (!hidden[i]![j]) return value;
    if (input.uniformMarker !== undefined) return input.uniformMarker;
    return value <= SMALL_NUMBER_MAX ? SMALL_NUMBER_MARKER : COMPLEMENTARY_MARKER;
  };
  const r = input.rows.length;
  const c = columnCount(input.rows);
  const cols = [...Array(c).keys()];
  const table: SuppressedTable = {
    rows: input.rows.map((row, i) => ({ key: row.key, cells: cols.map((j) => show(i, j)) })),
    mask: { cells: input.rows.map((_, i) => cols.map((j) => hidden[i]![j]!)) },
  };
  if (withTotals) {
    table.rows.forEach((row, i) => (row.total = show(i, c)));
    table.columnTotals = cols.map((j) => show(r, j));
    table.grandTotal = show(r, c);
    table.mask.rowTotals = input.rows.map((_, i) => hidden[i]![c]!);
    table.mask.columnTotals = cols.map((j) => hidden[r]![j]!);
    table.mask.grandTotal = hidden[r]![c]!;
  }
  return table;
}

function columnCount(rows: SuppressionInput['rows']): number {
  return rows[0]?.cells.length ?? 0;
}

/** The cells, plus a totals column and a totals row when asked for. */
function extendedTable(rows: SuppressionInput['rows'], withTotals: boolean): number[][] {
  const c = columnCount(rows);
  for (const row of rows) {
    if (row.cells.length !== c)
      throw new RangeError(`Row "${row.key}" has ${row.cells.length} cells, not ${c}.`);
    for (const v of row.cells) {
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError(`Row "${row.key}": not a count: ${v}`);
    }
  }
  const table = rows.map((row) => [...row.cells]);
  if (!withTotals) return table;
  table.forEach((row) => row.push(row.reduce((a, b) => a + b, 0)));
  table.push([...Array(c + 1).keys()].map((j) => table.reduce((sum, row) => sum + row[j]!, 0)));
  return table;
}

/**
 * Hides further values until every hidden one lies on a cycle of hidden values. The extended
 * table is a bipartite graph (rows and columns as vertices, non-zero values as edges); for a
 * hidden value with no hidden cycle through it, a cheapest path from its row to its column
 * (hidden values cost 0) gives the values to hide. Such a path always exists, because every
 * line sums to zero with its total.
 */
function protectByComplement(values: number[][], hidden: boolean[][]): void {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  // Above the grand total (the sum of all inner cells), so any path that hides a total costs
  // more than every path of inner cells.
  const totalPenalty = values[rows - 1]![cols - 1]! + 1;
  const cost = (i: number, j: number) =>
    hidden[i]![j] ? 0 : values[i]![j]! + (i === rows - 1 || j === cols - 1 ? totalPenalty : 0);

  // One pass is enough: hiding a path closes a cycle through every value on it, and hiding more
  // never breaks a cycle already there.
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (!hidden[i]![j]) continue;
      for (const [a, b] of cheapestPath(values, cost, i, j)) hidden[a]![b] = true;
    }
  }
}

/**
 * Dijkstra from row `fromRow` to column `toCol` over non-zero values, leaving out the value at
 * (fromRow, toCol) itself. Vertices 0..rows-1 are rows, rows.. are columns. Returns the values
 * on the path as [row, column] pairs.
 */
function cheapestPath(
  values: number[][],
  cost: (i: number, j: number) => number,
  fromRow: number,
  toCol: number,
): [number, number][] {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const vertexCount = rows + cols;
  const dist = new Array<number>(vertexCount).fill(Infinity);
  const via = new Array<[number, number] | undefined>(vertexCount);
  const done = new Array<boolean>(vertexCount).fill(false);
  dist[fromRow] = 0;
  const target = rows + toCol;

  for (;;) {
    let u = -1;
    for (let v = 0; v < vertexCount; v++) {
      if (!done[v] && dist[v]! < Infinity && (u === -1 || dist[v]! < dist[u]!)) u = v;
    }
    if (u === -1 || u === target) break;
    done[u] = true;
    const neighbours = u < rows ? cols : rows;
    for (let k = 0; k < neighbours; k++) {
      const [i, j] = u < rows ? [u, k] : [k, u - rows];
      if (values[i]![j] === 0 || (i === fromRow && j === toCol)) continue;
      const v = u < rows ? rows + j : i;
      const next = dist[u]! + cost(i, j);
      if (next < dist[v]!) {
        dist[v] = next;
        via[v] = [i, j];
      }
    }
  }
  if (dist[target] === Infinity) {
    throw new Error('Unreachable: every hidden value has a path back through its row and column.');
  }
  const path: [number, number][] = [];
  for (let v = target; v !== fromRow; ) {
    const [i, j] = via[v]!;
    path.push([i, j]);
    v = v < rows ? rows + j : i;
  }
  return path;
}
