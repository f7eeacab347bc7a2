import { diffPolicyText } from './policy-diff';

describe('diffPolicyText', () => {
  it('marks identical text as equal line by line', () => {
    expect(diffPolicyText('a\n\nb', 'a\n\nb')).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'equal', text: '' },
      { op: 'equal', text: 'b' },
    ]);
  });

  it('finds added and removed lines around unchanged ones', () => {
    const before = 'Title\n1. Letter box\n2. In person\n3. NHS website';
    const after = 'Title\n1. Letter box\n2. Email\n3. NHS website\n4. Online form';
    expect(diffPolicyText(before, after).map(({ op, text }) => ({ op, text }))).toEqual([
      { op: 'equal', text: 'Title' },
      { op: 'equal', text: '1. Letter box' },
      { op: 'removed', text: '2. In person' },
      { op: 'added', text: '2. Email' },
      { op: 'equal', text: '3. NHS website' },
      { op: 'added', text: '4. Online form' },
    ]);
  });

  it('handles empty versions and Windows line endings', () => {
    expect(diffPolicyText('', '')).toEqual([]);
    expect(diffPolicyText('', 'a\r\nb')).toEqual([
      { op: 'added', text: 'a' },
      { op: 'added', text: 'b' },
    ]);
    expect(diffPolicyText('a', '')).toEqual([{ op: 'removed', text: 'a' }]);
  });

  it('uses the longest common subsequence, not a positional comparison', () => {
    const ops = diffPolicyText('x\na\nb\nc', 'a\nb\nc\ny').map((l) => `${l.op[0]}${l.text}`);
    expect(ops).toEqual(['rx', 'ea', 'eb', 'ec', 'ay']);
  });

  it('shows which words changed in an edited line', () => {
    const before = 'Complaints must be made in writing to the practice manager.';
    const after = 'Complaints can be made in person or in writing to the practice manager.';
    const [removed, added] = diffPolicyText(before, after);
    expect(removed.op).toBe('removed');
    expect(removed.words?.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'removed', text: 'must' },
    ]);
    expect(added.words?.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'added', text: 'can' },
      { op: 'added', text: ' in person or' },
    ]);
    // The pieces of each side put back together give that side's line.
    expect(removed.words?.map((w) => w.text).join('')).toBe(before);
    expect(added.words?.map((w) => w.text).join('')).toBe(after);
  });

  it('shows a rewritten line whole rather than as word soup', () => {
    const [removed, added] = diffPolicyText(
      'Tell us in person.',
      'Visit the NHS website and leave a rating.',
    );
    expect(removed).toEqual({ op: 'removed', text: 'Tell us in person.' });
    expect(added).toEqual({ op: 'added', text: 'Visit the NHS website and leave a rating.' });
  });

  // Size, not time: timings belong in benchmarks, not in tests that a busy machine can fail.
  it('diffs a full-size policy (1,500 lines) exactly', () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `Line ${i} of the policy wording.`);
    const edited = lines.map((l, i) => (i % 50 === 0 ? `${l} Changed.` : l));
    const diff = diffPolicyText(lines.join('\n'), edited.join('\n'));
    expect(diff.filter((l) => l.op === 'added')).toHaveLength(30);
    expect(diff.filter((l) => l.op === 'equal')).toHaveLength(1470);
  });
});
