import { actor, SAVE_SETTINGS, settingsInput, TRUMPINGTON } from '../escalation/fixtures';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { BOOT_TIMEOUT, Q } from './policy-api';

/** The policy's escalation steps block says what the practice's escalation settings do. */
describe('escalation steps in the policy wording', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, BOOT_TIMEOUT);
  afterAll(() => t.close());

  const document = {
    title: 'Social media policy',
    blocks: [
      { type: 'paragraph', text: 'Please raise concerns with us directly.' },
      { type: 'escalationSteps', intro: 'If posts about the practice are offensive:' },
    ],
  };

  it('renders the ladder in force, and follows a change of settings', async () => {
    const manager = await actor(t, DEMO.trumpingtonManager, TRUMPINGTON);
    const preview = async () =>
      (
        await manager.ok<{ policyPreview: { text: string; html: string } }>(Q.preview, {
          document,
          effectiveDate: '2026-12-01',
        })
      ).policyPreview;

    await manager.ok(SAVE_SETTINGS, {
      input: settingsInput({
        ladder: [
          { kind: 'invite_discussion', trigger: { minSeverity: 'offensive' } },
          {
            kind: 'formal_warning',
            trigger: { minSeverity: 'abusive', incidentCount: 2, withinDays: 90 },
          },
        ],
      }),
    });
    const first = await preview();
    expect(first.text).toContain('If posts about the practice are offensive:');
    expect(first.text).toContain(
      'If you post something we consider offensive or worse, we will invite you to a face-to-face discussion.',
    );
    expect(first.text).toContain(
      'If you post 2 things we consider abusive or worse within 90 days, we will give you a formal warning in writing, with our reasons.',
    );
    expect(first.html).toContain('<li>If you post something we consider offensive or worse');
    // The editor's live preview gets the same sentences.
    const { policyEscalationSteps } = await manager.ok<{ policyEscalationSteps: string[] }>(
      '{ policyEscalationSteps }',
    );
    expect(policyEscalationSteps).toHaveLength(2);
    for (const sentence of policyEscalationSteps) expect(first.text).toContain(sentence);

    await manager.ok(SAVE_SETTINGS, {
      input: settingsInput({
        ladder: [
          { kind: 'formal_warning', trigger: { minSeverity: 'threatening' } },
          {
            kind: 'removal_request',
            trigger: { minSeverity: 'threatening', incidentCount: 2, withinDays: 365 },
          },
        ],
      }),
    });
    const second = await preview();
    expect(second.text).toContain(
      'If you post 2 things we consider threatening within 365 days, we may ask for you to be removed from the practice list.',
    );
    expect(second.text).not.toContain('face-to-face discussion');
  });

  it('the removal rule of the policy check follows the ladder: no warning step, a warning', async () => {
    const manager = await actor(t, DEMO.trumpingtonManager, TRUMPINGTON);
    const removal = {
      title: 'Social media policy',
      blocks: [
        { type: 'paragraph', text: 'Offensive posts may lead to removal from the practice list.' },
      ],
    };
    const codes = async () =>
      (
        await manager.ok<{ policyPreview: { warnings: { code: string }[] } }>(Q.preview, {
          document: removal,
          effectiveDate: '2026-12-01',
        })
      ).policyPreview.warnings.map((w) => w.code);

    await manager.ok(SAVE_SETTINGS, {
      input: settingsInput({
        ladder: [{ kind: 'invite_discussion', trigger: { minSeverity: 'offensive' } }],
      }),
    });
    expect(await codes()).toContain('REMOVAL_WITHOUT_WARNING');

    await manager.ok(SAVE_SETTINGS, {
      input: settingsInput({
        ladder: [{ kind: 'formal_warning', trigger: { minSeverity: 'abusive' } }],
      }),
    });
    expect(await codes()).not.toContain('REMOVAL_WITHOUT_WARNING');
  });
});
