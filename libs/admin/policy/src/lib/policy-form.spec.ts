import { CUSTOMER_POLICIES } from '@parley/shared/policy-render';
import { PolicyBlockType } from './generated/graphql';
import {
  blockForm,
  controlForField,
  fillForm,
  listLines,
  placeServerError,
  policyForm,
  toDocument,
  toDocumentInput,
} from './policy-form';

describe('policy form helpers', () => {
  it('round-trips a customer policy through the form unchanged', () => {
    for (const policy of CUSTOMER_POLICIES) {
      const form = policyForm();
      fillForm(form, policy.document, policy.effectiveDate);
      expect(toDocument(form)).toEqual(policy.document);
      expect(form.controls.effectiveDate.value).toBe(policy.effectiveDate);
      expect(form.pristine).toBe(true);
      expect(form.valid).toBe(true);
    }
  });

  it('fills from the API shape, with nulls for absent fields', () => {
    const form = policyForm();
    fillForm(
      form,
      {
        title: 'Policy',
        blocks: [
          { type: PolicyBlockType.NumberedList, text: null, items: ['One', 'Two'], intro: null },
          { type: PolicyBlockType.ChannelList, text: null, items: null, intro: null },
        ],
      },
      '2025-04-01',
    );
    expect(toDocument(form)).toEqual({
      title: 'Policy',
      blocks: [{ type: 'numberedList', items: ['One', 'Two'] }, { type: 'channelList' }],
    });
  });

  it('reads a numbered list one item per non-blank line', () => {
    expect(listLines('  First \r\n\nSecond\n   \n')).toEqual(['First', 'Second']);
  });

  it('builds GraphQL input with nulls for fields a block does not have', () => {
    expect(
      toDocumentInput({
        title: 'T',
        blocks: [
          { type: 'paragraph', text: 'Hi' },
          { type: 'channelList' },
          { type: 'numberedList', items: ['a'] },
        ],
      }),
    ).toEqual({
      title: 'T',
      blocks: [
        { type: PolicyBlockType.Paragraph, text: 'Hi', items: null, intro: null },
        { type: PolicyBlockType.ChannelList, text: null, items: null, intro: null },
        { type: PolicyBlockType.NumberedList, text: null, items: ['a'], intro: null },
      ],
    });
  });

  it('checks the limits the API checks, naming them', () => {
    const paragraph = blockForm(PolicyBlockType.Paragraph, '   ');
    expect(paragraph.controls.text.hasError('required')).toBe(true);
    paragraph.controls.text.setValue('x'.repeat(4001));
    expect(paragraph.controls.text.getError('maxChars')).toEqual({ limit: 4000, length: 4001 });
    const list = blockForm(
      PolicyBlockType.NumberedList,
      Array.from({ length: 31 }, (_, i) => `Item ${i}`).join('\n'),
    );
    expect(list.controls.text.getError('maxItems')).toEqual({ limit: 30, count: 31 });
    expect(blockForm(PolicyBlockType.ChannelList, '').valid).toBe(true);
  });

  it('finds the control an API error names', () => {
    const form = policyForm();
    fillForm(
      form,
      {
        title: 'T',
        blocks: [
          { type: 'paragraph', text: 'a' },
          { type: 'numberedList', items: ['b'] },
        ],
      },
      '2025-01-01',
    );
    expect(controlForField(form, 'document.title')).toBe(form.controls.title);
    expect(controlForField(form, 'input.effectiveDate')).toBe(form.controls.effectiveDate);
    expect(controlForField(form, 'effectiveDate')).toBe(form.controls.effectiveDate);
    expect(controlForField(form, 'document.blocks[1].items[0]')).toBe(
      form.controls.blocks.at(1).controls.text,
    );
    expect(controlForField(form, 'document.blocks[9].text')).toBeNull();
    expect(controlForField(form, 'document')).toBeNull();

    expect(placeServerError(form, { field: 'document.blocks[0].text', message: 'Too long.' })).toBe(
      true,
    );
    expect(form.controls.blocks.at(0).controls.text.getError('server')).toBe('Too long.');
    expect(placeServerError(form, { message: 'Nope.' })).toBe(false);
  });
});
