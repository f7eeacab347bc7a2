export type DiffOp = 'equal' | 'added' | 'removed';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

export interface DiffLine {
  op: DiffOp;
  text: string;
  /**
   * For a changed line paired with its counterpart in the other version: the line split into
   * unchanged and changed words, so a one-word edit in a long paragraph is easy to spot.
   */
  words?: DiffSegment[];
}

/** Pairs whose words are less alike than this are shown as whole-line changes: clearer to read. */
const MIN_WORD_SIMILARITY = 0.5;
/** Word diffs are a nicety; past this many DP cells a line is shown whole. */
const MAX_WORD_CELLS = 1_000_000;

/**
 * Line diff of two plain-text renderings (LCS, O(lines a × lines b), fine at policy sizes).
 * Within each changed stretch, removed lines come before added ones, and similar
 * removed/added pairs carry a word-level breakdown.
 */
export function diffPolicyText(a: string, b: string): DiffLine[] {
  const ops = diffSequences(splitLines(a), splitLines(b));
  const out: DiffLine[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flushChange = () => {
    out.push(...pairChanges(removed, added));
    removed = [];
    added = [];
  };
  for (const { op, value } of ops) {
    if (op === 'removed') removed.push(value);
    else if (op === 'added') added.push(value);
    else {
      flushChange();
      out.push({ op, text: value });
    }
  }
  flushChange();
  return out;
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
}

function pairChanges(removed: string[], added: string[]): DiffLine[] {
  const removedLines: DiffLine[] = removed.map((text) => ({ op: 'removed', text }));
  const addedLines: DiffLine[] = added.map((text) => ({ op: 'added', text }));
  for (let i = 0; i < Math.min(removed.length, added.length); i++) {
    const words = wordDiff(removed[i], added[i]);
    if (!words) continue;
    removedLines[i].words = words.filter((s) => s.op !== 'added');
    addedLines[i].words = words.filter((s) => s.op !== 'removed');
  }
  return [...removedLines, ...addedLines];
}

function wordDiff(before: string, after: string): DiffSegment[] | null {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_WORD_CELLS) return null;
  const segments: DiffSegment[] = [];
  let sameChars = 0;
  for (const { op, value } of diffSequences(a, b)) {
    if (op === 'equal' && value.trim() !== '') sameChars += value.length;
    const last = segments[segments.length - 1];
    if (last && last.op === op) last.text += value;
    else segments.push({ op, text: value });
  }
  const longest = Math.max(before.replace(/\s/g, '').length, after.replace(/\s/g, '').length);
  return longest > 0 && sameChars / longest >= MIN_WORD_SIMILARITY ? segments : null;
}

/** Words, runs of whitespace and single punctuation marks; joined they give the line back. */
function tokens(line: string): string[] {
  return line.match(/\s+|[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}'’-]/gu) ?? [];
}

/** LCS edit script; suffix table so the walk can run forwards and emit in reading order. */
function diffSequences(a: string[], b: string[]): { op: DiffOp; value: string }[] {
  // Common ends are cheap to strip and usually most of a policy.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const n = endA - start;
  const m = endB - start;
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[start + i] === b[start + j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }

  const ops: { op: DiffOp; value: string }[] = a
    .slice(0, start)
    .map((value) => ({ op: 'equal', value }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      ops.push({ op: 'equal', value: a[start + i] });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      ops.push({ op: 'removed', value: a[start + i] });
      i++;
    } else {
      ops.push({ op: 'added', value: b[start + j] });
      j++;
    }
  }
  for (const value of a.slice(endA)) ops.push({ op: 'equal', value });
  return ops;
}
