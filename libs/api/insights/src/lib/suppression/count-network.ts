import { SMALL_NUMBER_MAX, suppressTable } from '@parley/shared/domain';

/**
 * Shown instead of every hidden count, small or complementary alike. One marker for both, as the
 * shared suppression recommends for auditor views: "<5" beside "*" would tell a reader which
 * hidden counts are small and let some be worked out (a total of 6 = "<5" + "*" means 1 + 5).
 * "[c]" is the Government Statistical Service's mark for a value withheld for confidentiality.
 */
export const SUPPRESSED = '[c]';

export const SUPPRESSION_NOTE =
  `${SUPPRESSED}: not shown, to protect privacy. Counts from 1 to ${SMALL_NUMBER_MAX} are never shown, and further ` +
  'counts are hidden wherever a small one could otherwise be worked out from totals and other cells. ' +
  'Rates and percentages are shown only where every count behind them is shown.';

/**
 * - `count`: a displayed count (a table cell, or a count with no sum over it).
 * - `total`: a displayed sum; hidden only when nothing cheaper protects a small count.
 * - `hidden`: a relation's unknown, never displayed (e.g. brought forward + new in KO41(b)).
 */
export type EdgeKind = 'count' | 'total' | 'hidden';

export interface CountEdge {
  id: string;
  from: string;
  to: string;
  value: number;
  kind: EdgeKind;
}

/** A 2-D table of edge ids (cells, row totals, column totals, grand total), as a view shows it. */
export interface TableOfEdges {
  rows: { cells: string[]; total: string }[];
  columnTotals: string[];
  grandTotal: string;
}

/**
 * The counts of one view (everything one response shows together) as a flow network: each count
 * is an edge, and every sum the view shows is a node where what flows in equals what flows out.
 * A table with totals is the circulation grand → rows → cells → columns → grand; two tables that
 * are breakdowns of the same column totals are chained through those totals; a count with no sum
 * over it is a loop on its own node. Everything a reader can work out with arithmetic follows
 * from these node balances, which is what {@link protect} reasons about.
 */
export class CountNetwork {
  private readonly edges = new Map<string, CountEdge>();

  /** Adds a count (once: tables that share a total name the same edge). */
  edge(id: string, from: string, to: string, value: number, kind: EdgeKind = 'count'): string {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`Count ${id} is not a count: ${value}`);
    const existing = this.edges.get(id);
    if (existing) {
      if (
        existing.from !== from ||
        existing.to !== to ||
        existing.value !== value ||
        existing.kind !== kind
      ) {
        throw new Error(`Count ${id} was added twice with different ends or values.`);
      }
      return id;
    }
    this.edges.set(id, { id, from, to, value, kind });
    return id;
  }

  /** A count that no displayed sum covers (e.g. a KO41(b) subject area: one complaint may have several). */
  loose(id: string, value: number): string {
    return this.edge(id, `loose:${id}`, `loose:${id}`, value, 'count');
  }

  get(id: string): CountEdge {
    const edge = this.edges.get(id);
    if (!edge) throw new Error(`No count ${id} in this view.`);
    return edge;
  }

  all(): CountEdge[] {
    return [...this.edges.values()];
  }

  /** True when every node balances (a check on how a view was assembled). */
  balanced(): boolean {
    const balance = new Map<string, number>();
    for (const e of this.edges.values()) {
      balance.set(e.from, (balance.get(e.from) ?? 0) - e.value);
      balance.set(e.to, (balance.get(e.to) ?? 0) + e.value);
    }
    return [...balance.values()].every((b) => b === 0);
  }
}

/**
 * Decides which counts of a view to hide so that none of 1–4 can be read or worked out.
 *
 * 1. Counts of 1–4 are hidden (primary suppression), and each table is first put through the
 *    shared `suppressTable` (complementary suppression within that table).
 * 2. Then every hidden count must have a *witness*: a different set of values for the hidden
 *    counts, agreeing with everything shown, in which that count differs. That is what "cannot be
 *    worked out" means; tables linked by shared totals and the reader's knowledge that a hidden
 *    count is at least 1 (zeros are shown) are both taken into account. A witness is a cycle of
 *    hidden counts: +1 on the edges walked forwards, −1 on those walked backwards, which keeps
 *    every sum; −1 is allowed only on a count of 2 or more.
 * 3. A hidden count without a witness gets one by hiding the cheapest shown counts that close
 *    such a cycle (inner counts before totals, small before large). When no cycle can be closed,
 *    every non-zero count connected to it is hidden: doubling all of them is then the witness.
 */
export function protect(network: CountNetwork, tables: readonly TableOfEdges[] = []): Set<string> {
  const edges = network.all();
  const hidden = new Set(
    edges
      .filter((e) => e.kind === 'hidden' || (e.value >= 1 && e.value <= SMALL_NUMBER_MAX))
      .map((e) => e.id),
  );
  for (const table of tables) seedFromSharedSuppression(network, table, hidden);

  const graph = new Graph(edges);
  const isHidden = new Uint8Array(edges.length);
  edges.forEach((e, i) => (isHidden[i] = hidden.has(e.id) ? 1 : 0));
  const scaled = new Uint8Array(edges.length);
  const protectOne = (i: number) => {
    if (scaled[i] || graph.witness(i, isHidden)) return;
    const completion = graph.cheapestCompletion(i, isHidden);
    // The shown counts on the cheapest cycle; once hidden, that cycle is a witness for each of them too.
    if (completion) for (const added of completion) isHidden[added] = 1;
    else for (const member of graph.component(i)) isHidden[member] = scaled[member] = 1;
  };
  edges.forEach((e, i) => {
    if (isHidden[i] && e.kind !== 'hidden') protectOne(i);
  });
  // Every hidden count is checked again: the view is only released with a witness for each.
  edges.forEach((e, i) => {
    if (isHidden[i] && e.kind !== 'hidden' && !scaled[i] && !graph.witness(i, isHidden)) {
      for (const member of graph.component(i)) isHidden[member] = scaled[member] = 1;
    }
  });
  return new Set(edges.filter((_, i) => isHidden[i]).map((e) => e.id));
}

function seedFromSharedSuppression(
  network: CountNetwork,
  table: TableOfEdges,
  hidden: Set<string>,
): void {
  if (table.rows.length === 0) return;
  const value = (id: string) => network.get(id).value;
  const result = suppressTable({
    rows: table.rows.map((row, i) => ({ key: String(i), cells: row.cells.map(value) })),
    withTotals: true,
    uniformMarker: SUPPRESSED,
  });
  table.rows.forEach((row, i) => {
    row.cells.forEach((id, j) => {
      if (result.mask.cells[i]?.[j]) hidden.add(id);
    });
    if (result.mask.rowTotals?.[i]) hidden.add(row.total);
  });
  table.columnTotals.forEach((id, j) => {
    if (result.mask.columnTotals?.[j]) hidden.add(id);
  });
  if (result.mask.grandTotal) hidden.add(table.grandTotal);
}

/** Which way an edge may move on a witness cycle: up always; down only while it stays at least 1 (0 if never shown). */
function canMove(kind: EdgeKind, value: number, delta: 1 | -1): boolean {
  if (delta === 1) return true;
  return kind === 'hidden' ? value >= 1 : value >= 2;
}

/** The network with numbered nodes and edges, for the searches. */
class Graph {
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private readonly value: Float64Array;
  private readonly kind: EdgeKind[];
  /** Per node: the edges that touch it (loose counts' loops excluded). */
  private readonly incident: number[][] = [];
  private readonly penalty: number;

  constructor(edges: readonly CountEdge[]) {
    const nodes = new Map<string, number>();
    const node = (name: string) => {
      let n = nodes.get(name);
      if (n === undefined) {
        n = nodes.size;
        nodes.set(name, n);
        this.incident.push([]);
      }
      return n;
    };
    this.from = new Int32Array(edges.length);
    this.to = new Int32Array(edges.length);
    this.value = new Float64Array(edges.length);
    this.kind = edges.map((e) => e.kind);
    edges.forEach((e, i) => {
      this.from[i] = node(e.from);
      this.to[i] = node(e.to);
      this.value[i] = e.value;
      if (e.from !== e.to && e.value > 0) {
        (this.incident[this.from[i] as number] as number[]).push(i);
        (this.incident[this.to[i] as number] as number[]).push(i);
      }
    });
    this.penalty = edges.filter((e) => e.kind === 'count').reduce((sum, e) => sum + e.value, 0) + 1;
  }

  private movable(i: number, delta: 1 | -1): boolean {
    return canMove(this.kind[i] as EdgeKind, this.value[i] as number, delta);
  }

  /** True when a cycle of hidden counts through edge `e` can move it, keeping every hidden count ≥ 1. */
  witness(e: number, hidden: Uint8Array): boolean {
    if (this.from[e] === this.to[e]) return true; // nothing constrains a loose count
    const [tail, head] = [this.from[e] as number, this.to[e] as number];
    // +1 on the edge: walk from its head back to its tail; −1: from its tail back to its head.
    if (this.reachable(head, tail, e, hidden)) return true;
    return this.movable(e, -1) && this.reachable(tail, head, e, hidden);
  }

  private reachable(start: number, goal: number, skip: number, hidden: Uint8Array): boolean {
    const seen = new Uint8Array(this.incident.length);
    seen[start] = 1;
    const frontier = [start];
    while (frontier.length > 0) {
      const node = frontier.pop() as number;
      if (node === goal) return true;
      for (const i of this.incident[node] as number[]) {
        if (i === skip || !hidden[i]) continue;
        // Walking along an edge adds 1 to it, against it takes 1 away.
        const forward = this.from[i] === node;
        const next = (forward ? this.to[i] : this.from[i]) as number;
        if (!seen[next] && this.movable(i, forward ? 1 : -1)) {
          seen[next] = 1;
          frontier.push(next);
        }
      }
    }
    return false;
  }

  /**
   * The shown counts to hide so that edge `e` gets a witness, cheapest first (Dijkstra: hidden
   * counts cost nothing, shown ones their value, totals a penalty above any inner path); null
   * when no cycle through it exists at all.
   */
  cheapestCompletion(e: number, hidden: Uint8Array): number[] | null {
    const [tail, head] = [this.from[e] as number, this.to[e] as number];
    const options = [this.cheapestPath(head, tail, e, hidden)];
    if (this.movable(e, -1)) options.push(this.cheapestPath(tail, head, e, hidden));
    const best = options
      .filter((o): o is { cost: number; shown: number[] } => o !== null)
      .sort((a, b) => a.cost - b.cost)[0];
    return best ? best.shown : null;
  }

  private cheapestPath(
    start: number,
    goal: number,
    skip: number,
    hidden: Uint8Array,
  ): { cost: number; shown: number[] } | null {
    const n = this.incident.length;
    const dist = new Float64Array(n).fill(Infinity);
    const via = new Int32Array(n).fill(-1);
    const done = new Uint8Array(n);
    const heap = new MinHeap();
    dist[start] = 0;
    heap.push(0, start);
    for (;;) {
      const top = heap.pop();
      if (!top) return null;
      const node = top.item;
      if (done[node]) continue;
      if (node === goal) break;
      done[node] = 1;
      for (const i of this.incident[node] as number[]) {
        if (i === skip) continue;
        const forward = this.from[i] === node;
        const next = (forward ? this.to[i] : this.from[i]) as number;
        // A shown count is at least 5, so once hidden it may move either way.
        if (hidden[i] && !this.movable(i, forward ? 1 : -1)) continue;
        const cost = hidden[i]
          ? 0
          : (this.value[i] as number) + (this.kind[i] === 'total' ? this.penalty : 0);
        const d = (dist[node] as number) + cost;
        if (d < (dist[next] as number)) {
          dist[next] = d;
          via[next] = i;
          heap.push(d, next);
        }
      }
    }
    const shown: number[] = [];
    for (let node = goal; node !== start; ) {
      const i = via[node] as number;
      if (!hidden[i]) shown.push(i);
      node = (this.from[i] === node ? this.to[i] : this.from[i]) as number;
    }
    return { cost: dist[goal] as number, shown };
  }

  /** Every non-zero count connected to edge `e` through non-zero counts. */
  component(e: number): number[] {
    if (this.from[e] === this.to[e]) return [e];
    const members = new Set<number>();
    const seen = new Uint8Array(this.incident.length);
    const frontier = [this.from[e] as number];
    seen[this.from[e] as number] = 1;
    while (frontier.length > 0) {
      const node = frontier.pop() as number;
      for (const i of this.incident[node] as number[]) {
        members.add(i);
        for (const next of [this.from[i] as number, this.to[i] as number]) {
          if (!seen[next]) {
            seen[next] = 1;
            frontier.push(next);
          }
        }
      }
    }
    return [...members];
  }
}

/** A binary heap of (priority, node) pairs for Dijkstra. */
class MinHeap {
  private readonly priorities: number[] = [];
  private readonly items: number[] = [];

  push(priority: number, item: number): void {
    this.priorities.push(priority);
    this.items.push(item);
    for (let i = this.items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (this.at(parent) <= this.at(i)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): { priority: number; item: number } | undefined {
    if (this.items.length === 0) return undefined;
    const top = { priority: this.at(0), item: this.items[0] as number };
    const lastPriority = this.priorities.pop() as number;
    const lastItem = this.items.pop() as number;
    if (this.items.length > 0) {
      this.priorities[0] = lastPriority;
      this.items[0] = lastItem;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let smallest = i;
        if (l < this.items.length && this.at(l) < this.at(smallest)) smallest = l;
        if (r < this.items.length && this.at(r) < this.at(smallest)) smallest = r;
        if (smallest === i) break;
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  private at(i: number): number {
    return this.priorities[i] as number;
  }

  private swap(a: number, b: number): void {
    [this.priorities[a], this.priorities[b]] = [
      this.priorities[b] as number,
      this.priorities[a] as number,
    ];
    [this.items[a], this.items[b]] = [this.items[b] as number, this.items[a] as number];
  }
}
