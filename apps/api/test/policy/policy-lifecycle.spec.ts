import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  auditActions,
  BOOT_TIMEOUT,
  type ChannelView,
  customerFixture,
  normalise,
  problem,
  type PublicPolicyView,
  Q,
  simpleDocument,
  type VersionView,
} from './policy-api';

/** A Wilmslow manager drafts, previews, publishes, compares and restores the policy. */
describe('policy versions', () => {
  let t: TestApp;
  let wilmslow: string;
  let managerId: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
    managerId = await t.userId(DEMO.wilmslowManager);
    token = await t.tokenFor(DEMO.wilmslowManager);
  }, BOOT_TIMEOUT);
  afterAll(() => t.close());

  const gql = (query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token, practiceId: wilmslow });
  const ok = <T>(query: string, variables: Record<string, unknown> = {}) =>
    t.gqlOk<T>(query, variables, { token, practiceId: wilmslow });
  const current = async () => (await ok<{ currentPolicy: VersionView }>(Q.current)).currentPolicy;
  const draft = async () => (await ok<{ policyDraft: VersionView | null }>(Q.draft)).policyDraft;
  const versions = async () =>
    (
      await ok<{ policyVersions: Pick<VersionView, 'id' | 'versionNumber' | 'status' | 'text'>[] }>(
        Q.versions,
      )
    ).policyVersions;
  const publicText = async () =>
    (
      await t.gqlOk<{ publicPolicy: PublicPolicyView }>(Q.publicPolicy, {
        slug: 'wilmslow-health-centre',
      })
    ).publicPolicy.text;
  const save = async (document: unknown, effectiveDate = '2025-05-01') =>
    (await ok<{ saveDraft: VersionView }>(Q.saveDraft, { input: { document, effectiveDate } }))
      .saveDraft;
  const publish = async (id: string) =>
    (await ok<{ publishDraft: VersionView }>(Q.publishDraft, { expectedDraftId: id })).publishDraft;

  let v1: VersionView;
  let v2: VersionView;

  it('starts from the demo: version 1 published, no draft', async () => {
    v1 = await current();
    expect(v1).toMatchObject({
      versionNumber: 1,
      status: 'published',
      effectiveDate: '2024-01-01',
    });
    expect(normalise(v1.text)).toBe(customerFixture('wilmslow-health-centre'));
    expect(await draft()).toBeNull();
  });

  it('previews a document through the public renderer without saving it', async () => {
    const document = {
      title: '{{practiceName}} policy',
      blocks: [
        {
          type: 'paragraph',
          text: 'We want to hear your concerns. These must be submitted in writing.',
        },
        { type: 'channelList', intro: 'Ways to reach us:' },
      ],
    };
    const { policyPreview } = await ok<{
      policyPreview: { title: string; html: string; text: string; warnings: { code: string }[] };
    }>(Q.preview, {
      document,
      effectiveDate: '2025-03-01',
    });
    expect(policyPreview.title).toBe('Wilmslow Health Centre policy');
    expect(policyPreview.text).toContain('1. In writing. Please feel free to leave any comments');
    expect(policyPreview.html).toContain('<h2>Wilmslow Health Centre policy</h2>');
    expect(policyPreview.warnings.map((w) => w.code)).toContain('WRITING_ONLY');
    expect(await draft()).toBeNull();
    expect(await versions()).toHaveLength(1);
  });

  it('saves a draft (once per practice), with live warnings, and never shows it to the public', async () => {
    const created = await save(simpleDocument('Version two wording.'));
    expect(created).toMatchObject({
      versionNumber: 2,
      status: 'draft',
      basedOnVersionNumber: 1,
      createdByName: 'Wendy Manager',
      publishedAt: null,
    });
    const updated = await save(
      { ...simpleDocument('Version two wording, revised.') },
      '2025-05-02',
    );
    expect(updated.id).toBe(created.id);
    expect(updated).toMatchObject({ versionNumber: 2, effectiveDate: '2025-05-02' });
    expect(updated.text).toContain('Version two wording, revised.');
    expect(updated.text).toContain('Wilmslow Health Centre: May 2025');
    expect(updated.warnings.map((w) => w.code)).toEqual([]);
    expect((await versions()).map((v) => [v.versionNumber, v.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ]);
    expect(await publicText()).not.toContain('Version two wording');
    v2 = updated;
  });

  it('publishes the draft, superseding version 1, and refuses to publish it twice', async () => {
    const published = await publish(v2.id);
    expect(published).toMatchObject({
      id: v2.id,
      versionNumber: 2,
      status: 'published',
      publishedByName: 'Wendy Manager',
    });
    expect(published.publishedAt).toEqual(expect.any(String));
    expect(await publicText()).toContain('Version two wording, revised.');
    const history = await versions();
    expect(history.map((v) => [v.versionNumber, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const old = (await ok<{ policyVersion: VersionView }>(Q.version, { id: v1.id })).policyVersion;
    expect(old.supersededAt).toEqual(expect.any(String));
    expect(old.text).toBe(v1.text);

    const again = await gql(Q.publishDraft, { expectedDraftId: v2.id });
    expect(problem(again)).toMatchObject({ code: 'CONFLICT', field: 'expectedDraftId' });
  });

  it('diffs any two versions line by line', async () => {
    const { policyDiff } = await ok<{
      policyDiff: {
        fromVersionNumber: number;
        toVersionNumber: number;
        lines: { op: string; text: string }[];
      };
    }>(Q.diff, { fromId: v1.id, toId: v2.id });
    expect(policyDiff.fromVersionNumber).toBe(1);
    expect(policyDiff.toVersionNumber).toBe(2);
    expect(policyDiff.lines).toContainEqual({
      op: 'removed',
      text: 'Wilmslow Health Centre Social Media Policy',
      words: expect.anything(),
    });
    expect(
      policyDiff.lines.some(
        (l) => l.op === 'added' && l.text.includes('Version two wording, revised.'),
      ),
    ).toBe(true);
    expect(policyDiff.lines.some((l) => l.op === 'equal')).toBe(true);
  });

  it('starts a draft from an old version, one draft at a time, and restores it by publishing', async () => {
    const { startDraftFrom } = await ok<{ startDraftFrom: VersionView }>(Q.startDraftFrom, {
      versionId: v1.id,
    });
    expect(startDraftFrom).toMatchObject({
      versionNumber: 3,
      status: 'draft',
      basedOnVersionNumber: 1,
      effectiveDate: '2024-01-01',
    });
    expect(startDraftFrom.document).toEqual(v1.document);
    const second = await gql(Q.startDraftFrom, { versionId: v2.id });
    expect(problem(second)).toMatchObject({ code: 'CONFLICT', field: 'versionId' });

    await publish(startDraftFrom.id);
    expect(normalise(await publicText())).toBe(customerFixture('wilmslow-health-centre'));
    expect((await versions()).map((v) => v.status)).toEqual([
      'published',
      'superseded',
      'superseded',
    ]);
  });

  it('discards a draft', async () => {
    await save(simpleDocument('To be thrown away.'));
    expect((await ok<{ discardDraft: boolean }>(Q.discardDraft)).discardDraft).toBe(true);
    expect(await draft()).toBeNull();
    expect(problem(await gql(Q.discardDraft)).code).toBe('NOT_FOUND');
    expect((await versions()).map((v) => v.versionNumber)).toEqual([3, 2, 1]);
  });

  it('freezes the channels with the published version; the next publish picks up changes', async () => {
    const before = await current();
    const { channels } = await ok<{ channels: ChannelView[] }>(Q.channels);
    const inPerson = channels.find((c) => c.kind === 'in_person')!;
    await ok(Q.updateChannel, {
      id: inPerson.id,
      input: { policyText: 'Tell us at the front desk, calmly.', label: 'At the front desk' },
    });
    await ok(Q.updateChannel, {
      id: channels.find((c) => c.kind === 'nhs_website')!.id,
      input: { enabled: false },
    });

    const after = await current();
    expect(after.text).toBe(before.text);
    expect(after.html).toBe(before.html);
    expect(after.channels).toEqual(before.channels);
    expect(await publicText()).toBe(before.text);
    const page = await (await fetch(`${t.url}/p/wilmslow-health-centre`)).text();
    expect(page).not.toContain('At the front desk');

    const { startDraftFrom } = await ok<{ startDraftFrom: VersionView }>(Q.startDraftFrom, {
      versionId: before.id,
    });
    expect(startDraftFrom.text).toContain('2. Tell us at the front desk, calmly.');
    expect(startDraftFrom.text).not.toContain('NHS Choices');
    expect(startDraftFrom.warnings.map((w) => w.code)).toContain('DISABLED_CHANNEL');
    const published = await publish(startDraftFrom.id);
    expect(published.channels.map((c) => c.label)).toEqual([
      'Letter box at reception',
      'At the front desk',
    ]);
    expect(published.warnings.map((w) => w.code)).toContain('DISABLED_CHANNEL');
    expect(await publicText()).toContain('Tell us at the front desk, calmly.');
  });

  describe('limits', () => {
    const long = (n: number) => 'x'.repeat(n);
    const paragraphs = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ type: 'paragraph', text: `Paragraph ${i}.` }));

    it.each([
      [
        'a paragraph over 4,000 characters',
        { title: 'T', blocks: [{ type: 'paragraph', text: long(4001) }] },
        'document.blocks[0].text',
        /4,000/,
      ],
      ['a title over 200 characters', { title: long(201), blocks: [] }, 'document.title', /200/],
      ['more than 60 blocks', { title: 'T', blocks: paragraphs(61) }, 'document.blocks', /60/],
      [
        'a list of more than 30 items',
        { title: 'T', blocks: [{ type: 'numberedList', items: Array(31).fill('item') }] },
        'document.blocks[0].items',
        /30/,
      ],
      [
        'a field a block does not have',
        { title: 'T', blocks: [{ type: 'paragraph', text: 'x', items: ['y'] }] },
        'document.blocks[0].items',
        /not a known field/,
      ],
      [
        'an empty paragraph',
        { title: 'T', blocks: [{ type: 'paragraph', text: '  ' }] },
        'document.blocks[0].text',
        /empty/,
      ],
    ])(
      'refuses %s, naming the field and the limit, and stores nothing',
      async (_, document, field, message) => {
        const before = await versions();
        const result = await gql(Q.saveDraft, { input: { document, effectiveDate: '2025-01-01' } });
        expect(problem(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(problem(result).message).toMatch(message);
        expect(await versions()).toEqual(before);
        expect(await draft()).toBeNull();
      },
    );

    it.each(['2025-02-30', '01/02/2025', '20250101'])(
      'refuses the effective date %s',
      async (effectiveDate) => {
        const result = await gql(Q.saveDraft, {
          input: { document: simpleDocument('x'), effectiveDate },
        });
        expect(problem(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveDate' });
        expect(await draft()).toBeNull();
      },
    );

    it('refuses a preview over the limits the same way', async () => {
      const result = await gql(Q.preview, {
        document: { title: 'T', blocks: paragraphs(61) },
        effectiveDate: '2025-01-01',
      });
      expect(problem(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'document.blocks' });
    });
  });

  it('records every draft save, start, discard and publish in the audit trail', async () => {
    const rows = await auditActions(t, wilmslow);
    const mine = rows.filter(
      (r) => r.actor_user_id === managerId && r.action.startsWith('policy.'),
    );
    expect(mine.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'policy.draft_saved',
        'policy.published',
        'policy.draft_started',
        'policy.draft_discarded',
      ]),
    );
    expect(mine.filter((r) => r.action === 'policy.published').map((r) => r.entity_id)).toContain(
      v2.id,
    );
    expect(
      rows.filter((r) => r.action === 'channel.updated' && r.actor_user_id === managerId),
    ).toHaveLength(2);
  });
});

describe('published history in the database', () => {
  let t: TestApp;
  let wilmslow: string;
  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
  }, BOOT_TIMEOUT);
  afterAll(() => t.close());

  const asApp = (sql: string) =>
    t.db.run({ tenantPracticeId: wilmslow }, (uow) => uow.query(sql, [wilmslow]));

  it('cannot be edited or deleted, even by hand-written SQL as the application role', async () => {
    await expect(
      asApp(
        `UPDATE policy_versions SET html = '<p>forged</p>' WHERE practice_id = $1 AND status = 'published'`,
      ),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      asApp(
        `UPDATE policy_versions SET document = '{}' WHERE practice_id = $1 AND status = 'published'`,
      ),
    ).rejects.toThrow(/cannot be changed/);
    await expect(asApp(`DELETE FROM policy_versions WHERE practice_id = $1`)).rejects.toThrow(
      /cannot be deleted/,
    );
    const [row] = await asApp(
      `SELECT count(*)::int AS n FROM policy_versions WHERE practice_id = $1 AND status = 'published'`,
    );
    expect(row).toEqual({ n: 1 });
  });

  it('allows one draft and one published version per practice', async () => {
    const insert = (status: string) =>
      asApp(`INSERT INTO policy_versions (practice_id, version_number, status, document, effective_date, published_at, title, html, text, channels, practice_name)
             VALUES ($1, 90 + (random() * 9)::int, '${status}', '{"title":"x","blocks":[]}', '2025-01-01', now(), 'x', 'x', 'x', '[]', 'x')`);
    await expect(insert('published')).rejects.toThrow(/policy_versions_one_published/);
    await insert('draft');
    await expect(insert('draft')).rejects.toThrow(
      /policy_versions_one_draft|policy_versions_number_key/,
    );
  });
});
