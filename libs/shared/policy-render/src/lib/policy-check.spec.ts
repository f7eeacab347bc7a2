import { checkPolicy, PolicyCheckContext, PolicyWarningCode } from './policy-check';
import { PolicyBlock, RenderChannel } from './policy-document';

const tellUs: RenderChannel = {
  kind: 'in_person',
  label: 'Tell us',
  policyText: 'Tell us about it.',
};

function context(extra: Partial<PolicyCheckContext> = {}): PolicyCheckContext {
  return {
    practiceName: 'Oak Lane Surgery',
    effectiveDate: '2024-04-01',
    channels: [tellUs],
    escalationSteps: [],
    enabledChannelKinds: ['in_person'],
    ...extra,
  };
}

/** A sound policy plus the blocks under test, so only those blocks can cause warnings. */
function check(blocks: PolicyBlock[], extra: Partial<PolicyCheckContext> = {}) {
  return checkPolicy(
    { title: '{{practiceName}} Social Media Policy', blocks: [{ type: 'channelList' }, ...blocks] },
    context(extra),
  );
}

function codes(
  blocks: PolicyBlock[],
  extra: Partial<PolicyCheckContext> = {},
): PolicyWarningCode[] {
  return check(blocks, extra).map((w) => w.code);
}

const paragraph = (text: string): PolicyBlock => ({ type: 'paragraph', text });

describe('checkPolicy', () => {
  it('has nothing to say about a sound policy', () => {
    expect(check([paragraph('We welcome all feedback.')])).toEqual([]);
  });

  describe('WRITING_ONLY', () => {
    it.each([
      'Complaints must be made in writing.',
      'We only accept written complaints.',
      'Concerns: in writing only.',
      'We do not accept verbal complaints.',
      'If you are not happy with us, complaints must be put in writing to the practice manager.',
      'We want to hear your concerns. These must be submitted in writing.',
    ])('flags "%s"', (text) => {
      const [warning] = check([paragraph('Hello.'), paragraph(text)]);
      expect(warning).toMatchObject({ code: 'WRITING_ONLY', blockIndex: 2 });
      expect(warning.message).toContain('cannot insist on writing');
    });

    it('flags a channel item that allows writing only', () => {
      const writingOnly = { ...tellUs, policyText: 'In writing only. Leave a note at reception.' };
      expect(codes([], { channels: [writingOnly] })).toEqual(['WRITING_ONLY']);
    });

    it.each([
      'In writing. Please leave a note in the letter box, or tell us in person.',
      'Complaints do not need to be in writing only; tell us however suits you.',
      'Not only in writing: you can also tell us in person.',
      'Repeat prescription requests must be made in writing.',
      'Only one side of a story is presented; comments can be written or spoken.',
    ])('does not flag "%s"', (text) => {
      expect(
        codes([paragraph(text)], { enabledChannelKinds: ['in_person', 'letter_box'] }),
      ).not.toContain('WRITING_ONLY');
    });
  });

  describe('REMOVAL_FOR_COMPLAINING', () => {
    const warned = paragraph('We will always warn you, with reasons, first.');

    it.each([
      'If you complain, you may be removed from our practice list.',
      'Patients who make repeated complaints may be removed from the list.',
      'Complaining about staff could lead to removal.',
    ])('flags "%s"', (text) => {
      expect(check([warned, paragraph(text)])).toEqual([
        expect.objectContaining({ code: 'REMOVAL_FOR_COMPLAINING', blockIndex: 2 }),
      ]);
    });

    it.each([
      'Making a complaint will never lead to removal from our list.',
      'You will not be removed from the practice list for complaining.',
      'We will look into every complaint. Abusive posts could result in you being removed from our practice list.',
    ])('does not flag "%s"', (text) => {
      expect(codes([warned, paragraph(text)])).not.toContain('REMOVAL_FOR_COMPLAINING');
    });
  });

  describe('REMOVAL_WITHOUT_WARNING', () => {
    const removal = paragraph(
      'Abusive posts could result in you being removed from our practice list.',
    );

    it('flags removal when nothing mentions a warning', () => {
      expect(check([paragraph('Hello.'), removal])).toEqual([
        expect.objectContaining({ code: 'REMOVAL_WITHOUT_WARNING', blockIndex: 2 }),
      ]);
    });

    it('still flags "without warning"', () => {
      const blunt = paragraph('We may remove you from the list without any warning.');
      expect(codes([blunt])).toEqual(['REMOVAL_WITHOUT_WARNING']);
    });

    it('is satisfied by a warning in the wording', () => {
      expect(
        codes([removal, paragraph('You will first receive a warning letter explaining why.')]),
      ).toEqual([]);
    });

    it('is satisfied by a warning step in the escalation ladder, shown or not', () => {
      const steps = ['Invite to a discussion', 'Formal warning', 'Removal request'];
      expect(codes([removal], { escalationSteps: steps })).toEqual([]);
      expect(codes([removal, { type: 'escalationSteps' }], { escalationSteps: steps })).toEqual([]);
    });

    it('does not fire when removal is not mentioned', () => {
      expect(codes([paragraph('We may invite you to discuss your concerns.')])).toEqual([]);
    });
  });

  describe('NO_ROUTE and EMPTY_CHANNEL_LIST', () => {
    it('flags a policy with no channel list and no channel switched on', () => {
      const warnings = checkPolicy(
        { title: 'Policy', blocks: [paragraph('Hello.')] },
        context({ channels: [], enabledChannelKinds: [] }),
      );
      expect(warnings.map((w) => w.code)).toEqual(['NO_ROUTE']);
      expect(warnings[0].blockIndex).toBeUndefined();
    });

    it('flags a channel list when every channel is switched off', () => {
      const off = { ...tellUs, enabled: false, showInPolicy: false };
      expect(codes([], { channels: [off], enabledChannelKinds: [] })).toEqual([
        'NO_ROUTE',
        'EMPTY_CHANNEL_LIST',
      ]);
    });

    it('accepts a policy without a channel list when the embed offers a channel', () => {
      const warnings = checkPolicy(
        { title: 'Policy', blocks: [paragraph('Use the form below.')] },
        context({ channels: [], enabledChannelKinds: ['online_form'] }),
      );
      expect(warnings).toEqual([]);
    });

    it('flags a channel list that would show no items although channels are on', () => {
      const embedOnly = { ...tellUs, showInPolicy: false };
      expect(check([], { channels: [embedOnly] })).toEqual([
        expect.objectContaining({ code: 'EMPTY_CHANNEL_LIST', blockIndex: 0 }),
      ]);
    });
  });

  describe('DISABLED_CHANNEL', () => {
    const letterBox: RenderChannel = {
      kind: 'letter_box',
      label: 'Suggestions box',
      policyText: 'Leave a note in the letter box.',
      enabled: false,
    };

    it('flags a channel list whose channel is switched off', () => {
      const warnings = check([], { channels: [tellUs, letterBox] });
      expect(warnings).toEqual([
        expect.objectContaining({ code: 'DISABLED_CHANNEL', blockIndex: 0 }),
      ]);
      expect(warnings[0].message).toContain('"Suggestions box" is switched off');
    });

    it('flags wording that sends people to a kind of channel that is not switched on', () => {
      const email = paragraph('You can also send an email to the practice manager.');
      expect(check([email])).toEqual([
        expect.objectContaining({ code: 'DISABLED_CHANNEL', blockIndex: 1 }),
      ]);
      expect(codes([email], { enabledChannelKinds: ['in_person', 'email'] })).toEqual([]);
    });

    it('flags wording naming a switched-off channel by its label', () => {
      const mention = paragraph('Use our Suggestions Box by the door.');
      expect(codes([mention], { disabledChannelLabels: ['Suggestions box'] })).toEqual([
        'DISABLED_CHANNEL',
      ]);
      expect(codes([mention])).toEqual([]);
    });
  });

  describe('markup warnings', () => {
    it('flags links shown as plain text and unknown template fields', () => {
      const warnings = check([
        paragraph('See [our page](javascript:alert(1)) at {{practiceNmae}}.'),
      ]);
      expect(warnings.map((w) => [w.code, w.blockIndex])).toEqual([
        ['UNSAFE_LINK', 1],
        ['UNKNOWN_FIELD', 1],
      ]);
    });

    it('accepts safe links and known fields', () => {
      const text =
        'See [our page](https://example.org) for {{practiceName}}, from {{effectiveDate}}.';
      expect(check([paragraph(text)])).toEqual([]);
    });
  });
});
