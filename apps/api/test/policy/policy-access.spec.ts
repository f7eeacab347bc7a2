import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { BOOT_TIMEOUT, problem, Q, simpleDocument, type VersionView } from './policy-api';

/** Who may do what with the policy, and nothing across practices. */
describe('policy access', () => {
  let t: TestApp;
  let wilmslow: string;
  let trumpington: string;
  let tokens: Record<'manager' | 'staff' | 'auditor' | 'victim', string>;

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
    trumpington = await t.practiceId('trumpington-street');
    tokens = {
      manager: await t.tokenFor(DEMO.wilmslowManager),
      staff: await t.tokenFor(DEMO.wilmslowStaff),
      auditor: await t.tokenFor(DEMO.cheshireAuditor),
      victim: await t.tokenFor(DEMO.trumpingtonManager),
    };
  }, BOOT_TIMEOUT);
  afterAll(() => t.close());

  const asWilmslow = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token, practiceId: wilmslow });
  const asVictim = <T>(query: string, variables: Record<string, unknown> = {}) =>
    t.gqlOk<T>(query, variables, { token: tokens.victim, practiceId: trumpington });
  const wilmslowState = async () =>
    (
      await t.gqlOk<{ policyVersions: unknown[] }>(
        Q.versions,
        {},
        { token: tokens.manager, practiceId: wilmslow },
      )
    ).policyVersions;

  const reads = () =>
    [
      [Q.draft, {}],
      [Q.current, {}],
      [Q.versions, {}],
      [Q.preview, { document: simpleDocument('staff preview'), effectiveDate: '2025-01-01' }],
    ] as const;

  it('staff read the policy, its history and previews', async () => {
    for (const [query, variables] of reads()) {
      const result = await asWilmslow(tokens.staff, query, variables);
      expect(result.errors).toBeUndefined();
    }
    const { currentPolicy } = (await asWilmslow(tokens.staff, Q.current)).data as {
      currentPolicy: VersionView;
    };
    expect(
      (await asWilmslow(tokens.staff, Q.version, { id: currentPolicy.id })).errors,
    ).toBeUndefined();
    expect(
      (await asWilmslow(tokens.staff, Q.diff, { fromId: currentPolicy.id, toId: currentPolicy.id }))
        .errors,
    ).toBeUndefined();
  });

  it('staff are refused every change, and nothing is stored', async () => {
    const before = await wilmslowState();
    const { currentPolicy } = (await asWilmslow(tokens.staff, Q.current)).data as {
      currentPolicy: VersionView;
    };
    for (const [query, variables] of [
      [Q.saveDraft, { input: { document: simpleDocument('staff'), effectiveDate: '2025-01-01' } }],
      [Q.startDraftFrom, { versionId: currentPolicy.id }],
      [Q.discardDraft, {}],
      [Q.publishDraft, { expectedDraftId: currentPolicy.id }],
    ] as const) {
      const result = await asWilmslow(tokens.staff, query, variables);
      expect(problem(result).code).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
    expect(await wilmslowState()).toEqual(before);
  });

  it('auditors and anonymous callers read no practice policy data', async () => {
    for (const [query, variables] of reads()) {
      expect(problem(await t.gql(query, variables, { token: tokens.auditor })).code).toBe(
        'FORBIDDEN',
      );
      expect(
        problem(await t.gql(query, variables, { token: tokens.auditor, practiceId: wilmslow }))
          .code,
      ).toBe('FORBIDDEN');
      expect(problem(await t.gql(query, variables)).code).toBe('UNAUTHENTICATED');
    }
    const save = await t.gql(
      Q.saveDraft,
      { input: { document: simpleDocument('auditor'), effectiveDate: '2025-01-01' } },
      { token: tokens.auditor, practiceId: wilmslow },
    );
    expect(problem(save).code).toBe('FORBIDDEN');
  });

  it("is isolated: Trumpington's version ids are not found for a Wilmslow manager, and nothing changes", async () => {
    const { currentPolicy: victimCurrent } = await asVictim<{ currentPolicy: VersionView }>(
      Q.current,
    );
    const { saveDraft: victimDraft } = await asVictim<{ saveDraft: VersionView }>(Q.saveDraft, {
      input: { document: simpleDocument('Trumpington private draft'), effectiveDate: '2025-02-01' },
    });
    const { currentPolicy: ownCurrent } = (await asWilmslow(tokens.manager, Q.current)).data as {
      currentPolicy: VersionView;
    };
    const before = await wilmslowState();

    for (const [query, variables] of [
      [Q.version, { id: victimCurrent.id }],
      [Q.version, { id: victimDraft.id }],
      [Q.diff, { fromId: ownCurrent.id, toId: victimCurrent.id }],
      [Q.diff, { fromId: victimDraft.id, toId: ownCurrent.id }],
      [Q.startDraftFrom, { versionId: victimCurrent.id }],
      [Q.publishDraft, { expectedDraftId: victimDraft.id }],
    ] as const) {
      const result = await asWilmslow(tokens.manager, query, variables);
      expect(problem(result)).toMatchObject({ code: 'NOT_FOUND' });
      expect(JSON.stringify(result)).not.toMatch(/Trumpington/i);
    }
    // Naming Trumpington as the active practice is refused outright.
    expect(
      problem(await t.gql(Q.draft, {}, { token: tokens.manager, practiceId: trumpington })).code,
    ).toBe('FORBIDDEN');

    expect(await wilmslowState()).toEqual(before);
    const { policyDraft } = await asVictim<{ policyDraft: VersionView }>(Q.draft);
    expect(policyDraft).toMatchObject({ id: victimDraft.id, status: 'draft' });
    expect((await asVictim<{ currentPolicy: VersionView }>(Q.current)).currentPolicy.id).toBe(
      victimCurrent.id,
    );
  });
});
