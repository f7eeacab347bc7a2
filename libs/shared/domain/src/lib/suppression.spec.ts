import {
  COMPLEMENTARY_MARKER,
  SMALL_NUMBER_MARKER,
  SuppressedTable,
  suppressTable,
} from './suppression';

// ---- an attacker's view of a published table ----------------------------------------------

/** The table with its totals as a grid: rows then the totals row; cells then the total column. */
function grid(values: number[][]): number[][] {
  const withRowTotals = values.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const width = (values[0]?.length ?? 0) + 1;
  const totals = Array.from({ length: width }, (_, j) =>
    withRowTotals.reduce((sum, row) => sum + row[j]!, 0),
  );
  return [...withRowTotals, totals];
}

function maskGrid(table: SuppressedTable): boolean[][] {
  return [
    ...table.mask.cells.map((row, i) => [...row, table.mask.rowTotals![i]!]),
    [...table.mask.columnTotals!, table.mask.grandTotal!],
  ];
}

/** Every line of the grid as [row, column] positions: the last position is the line's total. */
function lines(rows: number, cols: number): [number, number][][] {
  const all: [number, number][][] = [];
  for (let i = 0; i < rows; i++) all.push(Array.from({ length: cols }, (_, j) => [i, j]));
  for (let j = 0; j < cols; j++) all.push(Array.from({ length: rows }, (_, i) => [i, j]));
  return all;
}

/**
 * The obvious attack, repeated until it stops working: any line with a single hidden value gives
 * it away as total minus the shown parts (or, for a hidden total, the sum of the parts).
 */
function recoverByLines(values: number[][], hidden: boolean[][]): [number, number, number][] {
  const known = hidden.map((row) => row.map((h) => !h));
  const recovered: [number, number, number][] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (const line of lines(values.length, values[0]!.length)) {
      const unknown = line.filter(([i, j]) => !known[i]![j]);
      if (unknown.length !== 1) continue;
      const [ui, uj] = unknown[0]!;
      const [ti, tj] = line[line.length - 1]!;
      const parts = line.slice(0, -1).filter(([i, j]) => i !== ui || j !== uj);
      const partSum = parts.reduce((s, [i, j]) => s + values[i]![j]!, 0);
      const value = ui === ti && uj === tj ? partSum : values[ti]![tj]! - partSum;
      expect(value).toBe(values[ui]![uj]); // the attack is sound
      recovered.push([ui, uj, value]);
      known[ui]![uj] = true;
      progress = true;
    }
  }
  return recovered;
}

/**
 * The thorough attack: a hidden value is pinned down by the published figures exactly when its
 * unit vector lies in the row space of the line equations restricted to the hidden values.
 */
function determinedByAlgebra(hidden: boolean[][]): [number, number][] {
  const unknowns: [number, number][] = [];
  hidden.forEach((row, i) => row.forEach((h, j) => h && unknowns.push([i, j])));
  const index = new Map(unknowns.map(([i, j], k) => [`${i},${j}`, k]));
  const rows = hidden.length;
  const cols = hidden[0]!.length;
  const equations = lines(rows, cols).map((line) => {
    const eq = new Array<number>(unknowns.length).fill(0);
    line.forEach(([i, j], position) => {
      const k = index.get(`${i},${j}`);
      if (k !== undefined) eq[k] = position === line.length - 1 ? -1 : 1;
    });
    return eq;
  });
  const base = rank(equations);
  return unknowns.filter((_, k) => {
    const unit = unknowns.map((__, m) => (m === k ? 1 : 0));
    return rank([...equations, unit]) === base;
  });
}

function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++)
      if (Math.abs(m[i]![c]!) > Math.abs(m[pivot]![c]!)) pivot = i;
    if (Math.abs(m[pivot]![c]!) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let k = c; k < width; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    r++;
  }
  return r;
}

/** mulberry32: a small seeded generator, so every run checks the same tables. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- behaviour -----------------------------------------------------------------------------

describe('suppressTable', () => {
  const table = (cells: number[][], withTotals = true) =>
    suppressTable({ rows: cells.map((c, i) => ({ key: `r${i}`, cells: c })), withTotals });

  it('shows counts of 5 or more and zeros as they are', () => {
    const result = table([
      [10, 0],
      [7, 12],
    ]);
    expect(result.rows).toEqual([
      { key: 'r0', cells: [10, 0], total: 10 },
      { key: 'r1', cells: [7, 12], total: 19 },
    ]);
    expect(result.columnTotals).toEqual([17, 12]);
    expect(result.grandTotal).toBe(29);
    expect(result.mask.cells.flat().some(Boolean)).toBe(false);
  });

  it('hides a small count and enough others that it cannot be worked out', () => {
    const result = table([
      [3, 10, 20],
      [8, 15, 30],
    ]);
    // 3 is hidden; in its row the smallest other cell (10) and in its column 8 go with it, and
    // 15 closes the rectangle so that no row or column has a single hidden cell.
    expect(result.rows[0]!.cells).toEqual([SMALL_NUMBER_MARKER, COMPLEMENTARY_MARKER, 20]);
    expect(result.rows[1]!.cells).toEqual([COMPLEMENTARY_MARKER, COMPLEMENTARY_MARKER, 30]);
    expect(result.rows.map((r) => r.total)).toEqual([33, 53]);
    expect(result.columnTotals).toEqual([11, 25, 50]);
    expect(result.mask.cells).toEqual([
      [true, true, false],
      [true, true, false],
    ]);
  });

  it('hides totals of 1–4, and what would give them away', () => {
    const result = table([
      [1, 0],
      [0, 0],
      [9, 6],
    ]);
    // Row 0 totals 1 and column 1 is fine; column 0 totals 10.
    expect(result.rows[0]!.total).toBe(SMALL_NUMBER_MARKER);
    expect(result.rows[0]!.cells[0]).toBe(SMALL_NUMBER_MARKER);
    expect(result.rows[1]).toEqual({ key: 'r1', cells: [0, 0], total: 0 });
    expect(
      recoverByLines(
        grid([
          [1, 0],
          [0, 0],
          [9, 6],
        ]),
        maskGrid(result),
      ),
    ).toEqual([]);
  });

  it('hides the grand total when the whole table is small', () => {
    const result = table([[2, 1]]);
    expect(result.grandTotal).toBe(SMALL_NUMBER_MARKER);
    expect(result.mask.grandTotal).toBe(true);
    expect(result.rows[0]!.total).toBe(SMALL_NUMBER_MARKER);
  });

  it('without totals, hides the small counts only', () => {
    const result = table([[3, 10, 20]], false);
    expect(result.rows).toEqual([{ key: 'r0', cells: [SMALL_NUMBER_MARKER, 10, 20] }]);
    expect(result.columnTotals).toBeUndefined();
    expect(result.mask.rowTotals).toBeUndefined();
  });

  it('can show one marker for every hidden value', () => {
    const result = suppressTable({
      rows: [
        { key: 'a', cells: [3, 10] },
        { key: 'b', cells: [8, 15] },
      ],
      uniformMarker: '[c]',
    });
    expect(result.rows[0]!.cells).toEqual(['[c]', '[c]']);
  });

  it('copes with an empty table', () => {
    expect(suppressTable({ rows: [] })).toMatchObject({
      rows: [],
      columnTotals: [],
      grandTotal: 0,
    });
  });

  it('refuses ragged rows and values that are not counts', () => {
    const rows = (cells: number[][]) => cells.map((c, i) => ({ key: `r${i}`, cells: c }));
    expect(() => suppressTable({ rows: rows([[1, 2], [3]]) })).toThrow(RangeError);
    expect(() => suppressTable({ rows: rows([[1, -2]]) })).toThrow(RangeError);
    expect(() => suppressTable({ rows: rows([[1.5]]) })).toThrow(RangeError);
  });
});

describe('suppressTable against an attacker (seeded random tables)', () => {
  const random = prng(20250401);
  const pick = (n: number) => Math.floor(random() * n);
  const count = () => {
    const r = random();
    return r < 0.3 ? 0 : r < 0.65 ? 1 + pick(4) : 5 + pick(r < 0.9 ? 10 : 200);
  };
  const tables = Array.from({ length: 400 }, () => {
    const rows = 1 + pick(7);
    const cols = 1 + pick(7);
    return Array.from({ length: rows }, () => Array.from({ length: cols }, count));
  });

  it('the attacks work on a table with the small counts hidden alone', () => {
    const values = grid([
      [1, 7, 9],
      [6, 8, 10],
    ]);
    const primaryOnly = values.map((row) => row.map((v) => v >= 1 && v <= 4));
    expect(recoverByLines(values, primaryOnly)).toEqual([[0, 0, 1]]);
    expect(determinedByAlgebra(primaryOnly)).toEqual([[0, 0]]);
  });

  it('never lets a hidden value be recovered', () => {
    let withComplements = 0;
    for (const cells of tables) {
      const result = suppressTable({ rows: cells.map((c, i) => ({ key: `r${i}`, cells: c })) });
      const values = grid(cells);
      const hidden = maskGrid(result);
      const shown = [
        ...result.rows.map((r) => [...r.cells, r.total!]),
        [...result.columnTotals!, result.grandTotal!],
      ];

      values.forEach((row, i) =>
        row.forEach((v, j) => {
          // Small counts always hidden, zeros never; what is shown is the true value.
          if (v >= 1 && v <= 4) expect(shown[i]![j]).toBe(SMALL_NUMBER_MARKER);
          if (v === 0) expect(hidden[i]![j]).toBe(false);
          if (!hidden[i]![j]) expect(shown[i]![j]).toBe(v);
          if (hidden[i]![j] && v > 4) {
            expect(shown[i]![j]).toBe(COMPLEMENTARY_MARKER);
            withComplements++;
          }
        }),
      );
      // No row or column (totals included) has exactly one hidden value.
      for (const line of lines(values.length, values[0]!.length)) {
        const n = line.filter(([i, j]) => hidden[i]![j]).length;
        expect(n === 0 || n >= 2).toBe(true);
      }
      expect(recoverByLines(values, hidden)).toEqual([]);
      expect(determinedByAlgebra(hidden)).toEqual([]);
    }
    // The check above is not vacuous: many tables needed complementary suppression.
    expect(withComplements).toBeGreaterThan(200);
  });
});
