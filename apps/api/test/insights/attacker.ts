/**
 * An attacker on a suppressed view, written independently of the code under test. It knows
 * every shown number, every sum the view states (rows and columns adding to their totals, the same
 * total shown in two tables), that a hidden count is a whole number of at least 1 (zeros are
 * shown), and that an undisplayed unknown is at least 0. It tries to pin a hidden count down by
 * exact linear algebra (rational Gaussian elimination) and then by propagating bounds through
 * every equation it has, original and derived, to a fixed point.
 */

/** Σ coef·x = 0 over named quantities. */
export type Relation = { id: string; coef: number }[];

export interface Knowledge {
  /** Every displayed quantity: its value, or null when hidden. */
  shown: Map<string, number | null>;
  /** Unknowns that are never displayed (lower bound 0). */
  undisplayed?: string[];
  relations: Relation[];
}

class Fraction {
  constructor(
    readonly n: bigint,
    readonly d = 1n,
  ) {}
  static of(n: number): Fraction {
    return new Fraction(BigInt(n));
  }
  private static norm(n: bigint, d: bigint): Fraction {
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n < 0n ? -n : n, d);
    return new Fraction(n / g, d / g);
  }
  add(o: Fraction): Fraction {
    return Fraction.norm(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Fraction): Fraction {
    return Fraction.norm(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Fraction): Fraction {
    return Fraction.norm(this.n * o.n, this.d * o.d);
  }
  div(o: Fraction): Fraction {
    return Fraction.norm(this.n * o.d, this.d * o.n);
  }
  get zero(): boolean {
    return this.n === 0n;
  }
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

interface Row {
  coefs: Map<number, Fraction>;
  rhs: Fraction;
}

/** The hidden displayed quantities the attacker can pin down (should be none). */
export function recoverable(k: Knowledge): string[] {
  const unknowns = [
    ...[...k.shown].filter(([, v]) => v === null).map(([id]) => id),
    ...(k.undisplayed ?? []),
  ];
  const index = new Map(unknowns.map((id, i) => [id, i]));
  const displayedHidden = new Set([...k.shown].filter(([, v]) => v === null).map(([id]) => id));

  // Each relation with the known values moved to the right-hand side.
  const rows: Row[] = [];
  for (const relation of k.relations) {
    const coefs = new Map<number, Fraction>();
    let rhs = Fraction.of(0);
    for (const { id, coef } of relation) {
      const i = index.get(id);
      if (i === undefined) {
        const value = k.shown.get(id);
        if (value === undefined || value === null)
          throw new Error(`The relation names ${id}, which the view does not show.`);
        rhs = rhs.sub(Fraction.of(coef * value));
      } else {
        coefs.set(i, (coefs.get(i) ?? Fraction.of(0)).add(Fraction.of(coef)));
      }
    }
    for (const [i, c] of [...coefs]) if (c.zero) coefs.delete(i);
    if (coefs.size > 0) rows.push({ coefs, rhs });
  }

  // Reduced row echelon form.
  const reduced: Row[] = rows.map((r) => ({ coefs: new Map(r.coefs), rhs: r.rhs }));
  const pivots: { row: Row; column: number }[] = [];
  const remaining = [...reduced];
  for (let column = 0; column < unknowns.length; column++) {
    const at = remaining.findIndex((r) => r.coefs.has(column));
    if (at < 0) continue;
    const [pivot] = remaining.splice(at, 1) as [Row];
    const scale = pivot.coefs.get(column) as Fraction;
    for (const [i, c] of pivot.coefs) pivot.coefs.set(i, c.div(scale));
    pivot.rhs = pivot.rhs.div(scale);
    for (const other of [...remaining, ...pivots.map((p) => p.row)]) {
      const factor = other.coefs.get(column);
      if (!factor) continue;
      for (const [i, c] of pivot.coefs) {
        const next = (other.coefs.get(i) ?? Fraction.of(0)).sub(factor.mul(c));
        if (next.zero) other.coefs.delete(i);
        else other.coefs.set(i, next);
      }
      other.rhs = other.rhs.sub(factor.mul(pivot.rhs));
    }
    pivots.push({ row: pivot, column });
  }

  const pinned = new Set<string>();
  for (const { row, column } of pivots)
    if (row.coefs.size === 1) pinned.add(unknowns[column] as string);

  // Bounds, propagated through the original and the reduced equations.
  const lo: number[] = unknowns.map((id) => (displayedHidden.has(id) ? 1 : 0));
  const hi = unknowns.map(() => Infinity);
  const equations = [...rows, ...pivots.map((p) => p.row)].map((r) => ({
    terms: [...r.coefs].map(([i, c]) => [i, c.toNumber()] as const),
    rhs: r.rhs.toNumber(),
  }));
  for (let round = 0, changed = true; changed && round < 200; round++) {
    changed = false;
    for (const { terms, rhs } of equations) {
      for (const [i, a] of terms) {
        // a·x_i = rhs − Σ others
        let min = rhs;
        let max = rhs;
        for (const [j, b] of terms) {
          if (j === i) continue;
          const [l, h] = [lo[j] as number, hi[j] as number];
          if (b > 0) {
            max -= b * l;
            min -= b * h;
          } else {
            max -= b * h;
            min -= b * l;
          }
        }
        let [newLo, newHi] = a > 0 ? [min / a, max / a] : [max / a, min / a];
        if (Number.isNaN(newLo)) newLo = -Infinity;
        if (Number.isNaN(newHi)) newHi = Infinity;
        const l = Math.ceil(newLo - 1e-9);
        const h = Math.floor(newHi + 1e-9);
        if (l > (lo[i] as number)) {
          lo[i] = l;
          changed = true;
        }
        if (h < (hi[i] as number)) {
          hi[i] = h;
          changed = true;
        }
      }
    }
  }
  unknowns.forEach((id, i) => {
    if (lo[i] === hi[i]) pinned.add(id);
  });
  return [...pinned].filter((id) => displayedHidden.has(id)).sort();
}

/** Adds a displayed table's sums: each row to its total, each column to its total, the totals to the grand total. */
export function tableRelations(
  cells: string[][],
  rowTotals: string[],
  columnTotals: string[],
  grandTotal: string,
): Relation[] {
  const relations: Relation[] = [];
  cells.forEach((row, i) =>
    relations.push([
      ...row.map((id) => ({ id, coef: 1 })),
      { id: rowTotals[i] as string, coef: -1 },
    ]),
  );
  columnTotals.forEach((total, j) =>
    relations.push([
      ...cells.map((row) => ({ id: row[j] as string, coef: 1 })),
      { id: total, coef: -1 },
    ]),
  );
  relations.push([...columnTotals.map((id) => ({ id, coef: 1 })), { id: grandTotal, coef: -1 }]);
  relations.push([...rowTotals.map((id) => ({ id, coef: 1 })), { id: grandTotal, coef: -1 }]);
  return relations;
}
