import { POLICY_LIMITS, validatePolicyDocument } from './policy-document';

function errorsOf(doc: unknown) {
  const result = validatePolicyDocument(doc);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.errors;
}

const every = {
  title: '{{practiceName}} Social Media Policy',
  blocks: [
    { type: 'paragraph', text: 'Hello' },
    { type: 'heading', text: 'Routes' },
    { type: 'numberedList', items: ['one', 'two'] },
    { type: 'channelList', intro: 'Use:' },
    { type: 'channelList' },
    { type: 'escalationSteps' },
    { type: 'signOff', text: '{{practiceName}}: {{effectiveMonthYear}}' },
  ],
};

describe('validatePolicyDocument', () => {
  it('accepts every block type and returns a copy', () => {
    const result = validatePolicyDocument(every);
    expect(result).toEqual({ ok: true, document: every });
    if (result.ok) expect(result.document).not.toBe(every);
  });

  it('exports the limits the editor shows', () => {
    expect(POLICY_LIMITS).toEqual({
      titleChars: 200,
      blocks: 60,
      inlineTextChars: 4000,
      listItems: 30,
    });
  });

  it('rejects values that are not a document object', () => {
    for (const value of [null, undefined, 'policy', 42, [], new Date()]) {
      expect(errorsOf(value)).toEqual([
        { path: '', message: 'the policy document must be an object' },
      ]);
    }
  });

  it('names the field and the limit in length messages', () => {
    const doc = {
      title: 'x'.repeat(201),
      blocks: [
        { type: 'paragraph', text: 'ok' },
        { type: 'paragraph', text: 'ok' },
        { type: 'paragraph', text: 'ok' },
        { type: 'paragraph', text: 'x'.repeat(4120) },
      ],
    };
    expect(errorsOf(doc)).toEqual([
      { path: 'title', message: 'title is 201 characters; the limit is 200' },
      { path: 'blocks[3].text', message: 'blocks[3].text is 4,120 characters; the limit is 4,000' },
    ]);
  });

  it('accepts text exactly at the limits, counting characters not UTF-16 units', () => {
    const doc = {
      title: '’'.repeat(200),
      blocks: [
        ...Array.from({ length: 59 }, () => ({ type: 'paragraph', text: '😀'.repeat(4000) })),
        { type: 'numberedList', items: Array.from({ length: 30 }, () => 'item') },
      ],
    };
    expect(validatePolicyDocument(doc).ok).toBe(true);
  });

  it('limits the number of blocks and list items', () => {
    const tooMany = {
      title: 'T',
      blocks: Array.from({ length: 61 }, () => ({ type: 'paragraph', text: 'x' })),
    };
    expect(errorsOf(tooMany)).toEqual([
      { path: 'blocks', message: 'blocks has 61 blocks; the limit is 60' },
    ]);
    const longList = {
      title: 'T',
      blocks: [{ type: 'numberedList', items: Array.from({ length: 31 }, () => 'x') }],
    };
    expect(errorsOf(longList)).toEqual([
      { path: 'blocks[0].items', message: 'blocks[0].items has 31 items; the limit is 30' },
    ]);
    const longItem = {
      title: 'T',
      blocks: [{ type: 'numberedList', items: ['ok', 'x'.repeat(4001)] }],
    };
    expect(errorsOf(longItem)).toEqual([
      {
        path: 'blocks[0].items[1]',
        message: 'blocks[0].items[1] is 4,001 characters; the limit is 4,000',
      },
    ]);
  });

  it('rejects unknown block types, missing and mistyped fields, and extra fields', () => {
    const doc = {
      title: 'T',
      extra: true,
      blocks: [
        { type: 'video', url: 'x' },
        { text: 'no type' },
        { type: 'paragraph' },
        { type: 'heading', text: 7 },
        { type: 'numberedList', items: 'one' },
        { type: 'numberedList', items: [] },
        { type: 'numberedList', items: ['ok', null] },
        { type: 'channelList', intro: ['x'] },
        { type: 'signOff', text: '   ' },
        { type: 'paragraph', text: 'ok', style: 'bold' },
        'paragraph',
      ],
    };
    expect(errorsOf(doc)).toEqual([
      { path: 'extra', message: 'extra is not a known field' },
      {
        path: 'blocks[0].type',
        message:
          'blocks[0].type is "video"; expected one of paragraph, heading, numberedList, channelList, escalationSteps, signOff',
      },
      { path: 'blocks[1].type', message: expect.stringContaining('blocks[1].type is missing') },
      { path: 'blocks[2].text', message: 'blocks[2].text is required' },
      { path: 'blocks[3].text', message: 'blocks[3].text must be text' },
      { path: 'blocks[4].items', message: 'blocks[4].items is required and must be a list' },
      {
        path: 'blocks[5].items',
        message: 'blocks[5].items is empty; a list needs at least one item',
      },
      { path: 'blocks[6].items[1]', message: 'blocks[6].items[1] must be text' },
      { path: 'blocks[7].intro', message: 'blocks[7].intro must be text' },
      { path: 'blocks[8].text', message: 'blocks[8].text is empty' },
      { path: 'blocks[9].style', message: 'blocks[9].style is not a known field' },
      { path: 'blocks[10]', message: 'blocks[10] must be an object' },
    ]);
  });

  it('requires a title and a block list', () => {
    expect(errorsOf({})).toEqual([
      { path: 'title', message: 'title is required' },
      { path: 'blocks', message: 'blocks is required and must be a list' },
    ]);
  });

  it('caps the number of errors reported for a hostile payload', () => {
    const doc = { title: 'T', blocks: Array.from({ length: 1000 }, () => ({ type: 'nope' })) };
    expect(errorsOf(doc).length).toBeLessThanOrEqual(50);
  });
});
