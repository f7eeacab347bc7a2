import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { auditActions, BOOT_TIMEOUT, type ChannelView, problem, Q } from '../policy/policy-api';

/** Managers configure the practice's feedback channels; staff read them. */
describe('feedback channels', () => {
  let t: TestApp;
  let wilmslow: string;
  let manager: string;
  let staff: string;

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
    manager = await t.tokenFor(DEMO.wilmslowManager);
    staff = await t.tokenFor(DEMO.wilmslowStaff);
  }, BOOT_TIMEOUT);
  afterAll(() => t.close());

  const asManager = (query: string, variables: Record<string, unknown> = {}) =>
    t.gql(query, variables, { token: manager, practiceId: wilmslow });
  const okManager = <T>(query: string, variables: Record<string, unknown> = {}) =>
    t.gqlOk<T>(query, variables, { token: manager, practiceId: wilmslow });
  const list = async () => (await okManager<{ channels: ChannelView[] }>(Q.channels)).channels;
  const create = async (input: Record<string, unknown>) =>
    (await okManager<{ createChannel: ChannelView }>(Q.createChannel, { input })).createChannel;

  it('lists the demo channels in order, for staff too', async () => {
    const { channels } = await t.gqlOk<{ channels: ChannelView[] }>(
      Q.channels,
      {},
      { token: staff, practiceId: wilmslow },
    );
    expect(channels.map((c) => [c.position, c.kind, c.enabled, c.showInPolicy])).toEqual([
      [0, 'letter_box', true, true],
      [1, 'in_person', true, true],
      [2, 'nhs_website', true, true],
    ]);
    expect(channels[2].href).toMatch(/^https:\/\/www\.nhs\.uk\//);
  });

  it('creates channels of each kind with their links', async () => {
    const email = await create({
      kind: 'email',
      label: 'Email the practice',
      policyText: 'Email us.',
      address: ' enquiries@wilmslow.example ',
    });
    expect(email).toMatchObject({
      address: 'enquiries@wilmslow.example',
      href: 'mailto:enquiries@wilmslow.example',
      position: 3,
      enabled: true,
      showInPolicy: true,
    });
    const phone = await create({
      kind: 'phone',
      label: 'Ring us',
      policyText: 'Ring us.',
      address: '+44 1625 123456',
      showInPolicy: false,
    });
    expect(phone).toMatchObject({ href: 'tel:+441625123456', showInPolicy: false });
    const form = await create({
      kind: 'online_form',
      label: 'Online form',
      policyText: 'Use our online form.',
      instructions: 'Any time.',
    });
    expect(form).toMatchObject({ address: null, href: null, instructions: 'Any time.' });
    const box = await create({
      kind: 'letter_box',
      label: 'Box',
      policyText: 'Post it.',
      address: 'Reception, Chapel Lane',
      enabled: false,
    });
    expect(box).toMatchObject({ address: 'Reception, Chapel Lane', href: null, enabled: false });
    expect((await list()).map((c) => c.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  describe('refuses bad input, naming the field, and stores nothing', () => {
    it.each([
      [
        'an email channel without an email address',
        { kind: 'email', address: 'not-an-email' },
        'address',
      ],
      ['an email channel with no address', { kind: 'email' }, 'address'],
      ['a phone channel with letters', { kind: 'phone', address: '01625 CALL ME' }, 'address'],
      ['a phone number too short', { kind: 'phone', address: '12345' }, 'address'],
      [
        'an NHS website channel over http',
        { kind: 'nhs_website', address: 'http://www.nhs.uk/services/x' },
        'address',
      ],
      [
        'an NHS website channel with a javascript: URL',
        { kind: 'nhs_website', address: 'javascript:alert(1)' },
        'address',
      ],
      [
        'an online form with an address',
        { kind: 'online_form', address: 'https://forms.example.org' },
        'address',
      ],
      [
        'a letter box address over 300 characters',
        { kind: 'letter_box', address: 'a'.repeat(301) },
        'address',
      ],
      ['a label over 100 characters', { kind: 'in_person', label: 'l'.repeat(101) }, 'label'],
      ['an empty label', { kind: 'in_person', label: '   ' }, 'label'],
      [
        'instructions over 1,000 characters',
        { kind: 'in_person', instructions: 'i'.repeat(1001) },
        'instructions',
      ],
      [
        'policy text over 4,000 characters',
        { kind: 'in_person', policyText: 'p'.repeat(4001) },
        'policyText',
      ],
    ])('%s', async (_, override, field) => {
      const before = await list();
      const result = await asManager(Q.createChannel, {
        input: { label: 'New channel', policyText: 'New.', ...override },
      });
      expect(problem(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(problem(result).message).toMatch(new RegExp(field));
      expect(await list()).toEqual(before);
    });

    it('checks the address against the kind an update leaves', async () => {
      const [letterBox] = await list();
      const result = await asManager(Q.updateChannel, {
        id: letterBox.id,
        input: { kind: 'email' },
      });
      expect(problem(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'address' });
      expect((await list())[0]).toEqual(letterBox);
    });

    it('names the limit for an update over it', async () => {
      const [letterBox] = await list();
      const result = await asManager(Q.updateChannel, {
        id: letterBox.id,
        input: { label: 'x'.repeat(101) },
      });
      expect(problem(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.label' });
      expect(problem(result).message).toMatch(/100/);
    });
  });

  it('updates only the fields given', async () => {
    const channels = await list();
    const email = channels.find((c) => c.kind === 'email')!;
    const { updateChannel } = await okManager<{ updateChannel: ChannelView }>(Q.updateChannel, {
      id: email.id,
      input: { label: 'Email the practice manager', address: 'manager@wilmslow.example' },
    });
    expect(updateChannel).toMatchObject({
      ...email,
      label: 'Email the practice manager',
      address: 'manager@wilmslow.example',
      href: 'mailto:manager@wilmslow.example',
    });
    const cleared = await okManager<{ updateChannel: ChannelView }>(Q.updateChannel, {
      id: email.id,
      input: { kind: 'letter_box', address: null },
    });
    expect(cleared.updateChannel).toMatchObject({ kind: 'letter_box', address: null, href: null });
  });

  it('stores markup as text', async () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const channel = await create({
      kind: 'in_person',
      label: hostile.slice(0, 100),
      policyText: hostile,
      instructions: hostile,
    });
    expect(channel).toMatchObject({
      label: hostile.slice(0, 100),
      policyText: hostile,
      instructions: hostile,
    });
    await okManager(Q.deleteChannel, { id: channel.id });
  });

  it('reorders when given every channel once', async () => {
    const ids = (await list()).map((c) => c.id);
    const reversed = [...ids].reverse();
    const { reorderChannels } = await okManager<{
      reorderChannels: { id: string; position: number }[];
    }>(Q.reorderChannels, { ids: reversed });
    expect(reorderChannels.map((c) => c.id)).toEqual(reversed);
    expect(reorderChannels.map((c) => c.position)).toEqual(reversed.map((_, i) => i));

    const missing = await asManager(Q.reorderChannels, { ids: reversed.slice(1) });
    expect(problem(missing)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const twice = await asManager(Q.reorderChannels, { ids: [...reversed.slice(1), reversed[1]] });
    expect(problem(twice)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect((await list()).map((c) => c.id)).toEqual(reversed);
  });

  it('deletes a channel; an unknown id is not found', async () => {
    // One created here: demo feedback may have come in through the demo channels.
    const last = (await list()).find((c) => c.kind === 'phone')!;
    expect(
      (await okManager<{ deleteChannel: boolean }>(Q.deleteChannel, { id: last.id })).deleteChannel,
    ).toBe(true);
    expect((await list()).map((c) => c.id)).not.toContain(last.id);
    expect(problem(await asManager(Q.deleteChannel, { id: last.id })).code).toBe('NOT_FOUND');
    expect(
      problem(await asManager(Q.updateChannel, { id: last.id, input: { label: 'x' } })).code,
    ).toBe('NOT_FOUND');
  });

  it('lets staff read but not change, and auditors neither', async () => {
    const [first] = await list();
    const staffCalls = [
      [Q.createChannel, { input: { kind: 'in_person', label: 'Staff', policyText: 'Staff.' } }],
      [Q.updateChannel, { id: first.id, input: { label: 'Staff edit' } }],
      [Q.deleteChannel, { id: first.id }],
      [Q.reorderChannels, { ids: [first.id] }],
    ] as const;
    for (const [query, variables] of staffCalls) {
      const result = await t.gql(query, variables, { token: staff, practiceId: wilmslow });
      expect(problem(result).code).toBe('FORBIDDEN');
    }
    const auditor = await t.tokenFor(DEMO.cheshireAuditor);
    expect(problem(await t.gql(Q.channels, {}, { token: auditor })).code).toBe('FORBIDDEN');
    expect(
      problem(await t.gql(Q.channels, {}, { token: auditor, practiceId: wilmslow })).code,
    ).toBe('FORBIDDEN');
    expect(problem(await t.gql(Q.channels)).code).toBe('UNAUTHENTICATED');
    expect((await list())[0]).toEqual(first);
  });

  it('is isolated: Trumpington channel ids are not found for Wilmslow, and nothing changes', async () => {
    const trumpington = await t.practiceId('trumpington-street');
    const victimOptions = {
      token: await t.tokenFor(DEMO.trumpingtonManager),
      practiceId: trumpington,
    };
    const victimBefore = (await t.gqlOk<{ channels: ChannelView[] }>(Q.channels, {}, victimOptions))
      .channels;
    const target = victimBefore[0];
    for (const [query, variables] of [
      [Q.updateChannel, { id: target.id, input: { label: 'Hijacked' } }],
      [Q.deleteChannel, { id: target.id }],
      [Q.reorderChannels, { ids: victimBefore.map((c) => c.id).reverse() }],
    ] as const) {
      expect(problem(await asManager(query, variables)).code).toBe('NOT_FOUND');
    }
    expect(
      (await t.gqlOk<{ channels: ChannelView[] }>(Q.channels, {}, victimOptions)).channels,
    ).toEqual(victimBefore);
    expect(JSON.stringify(await list())).not.toMatch(/trumpington/i);
  });

  it('records every change in the audit trail', async () => {
    const managerId = await t.userId(DEMO.wilmslowManager);
    const actions = (await auditActions(t, wilmslow))
      .filter((r) => r.actor_user_id === managerId)
      .map((r) => r.action);
    expect(actions.filter((a) => a === 'channel.created')).toHaveLength(5);
    expect(actions).toEqual(
      expect.arrayContaining(['channel.updated', 'channel.deleted', 'channels.reordered']),
    );
  });
});
