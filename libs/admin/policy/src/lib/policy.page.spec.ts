import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import type { DocumentNode } from 'graphql';
import { type Observable, of, throwError } from 'rxjs';
import {
  type ChannelFieldsFragment,
  ChannelKind,
  DiffOp,
  DiscardDraftDocument,
  PolicyBlockType,
  PolicyDiffDocument,
  PolicyEditorDocument,
  type PolicyEditorQuery,
  PolicyStatus,
  type PolicyVersionFieldsFragment,
  PolicyWarningCode,
  PublishDraftDocument,
  SaveDraftDocument,
  StartDraftFromDocument,
} from './generated/graphql';
import { PolicyPage } from './policy.page';

const CHANNELS: ChannelFieldsFragment[] = [
  {
    id: 'c1',
    kind: ChannelKind.LetterBox,
    label: 'Letter box at reception',
    policyText: 'Leave a note in the **letter box** at reception.',
    instructions: null,
    address: null,
    href: null,
    position: 1,
    enabled: true,
    showInPolicy: true,
  },
  {
    id: 'c2',
    kind: ChannelKind.InPerson,
    label: 'Tell us in person',
    policyText: 'Speak to the reception team.',
    instructions: null,
    address: null,
    href: null,
    position: 2,
    enabled: true,
    showInPolicy: true,
  },
];

function version(
  overrides: Partial<PolicyVersionFieldsFragment> & { id: string; versionNumber: number },
): PolicyVersionFieldsFragment {
  return {
    status: PolicyStatus.Published,
    title: 'Wilmslow Health Centre Social Media Policy',
    effectiveDate: '2025-04-01',
    basedOnVersionNumber: null,
    createdAt: '2025-03-30T09:00:00Z',
    createdByName: 'Wendy Manager',
    updatedAt: '2025-03-30T09:00:00Z',
    updatedByName: 'Wendy Manager',
    publishedAt: '2025-03-31T10:00:00Z',
    publishedByName: 'Wendy Manager',
    supersededAt: null,
    warnings: [],
    html: '<article class="parley-policy"><h2>Wilmslow Health Centre Social Media Policy</h2><p>Published words.</p></article>',
    document: {
      title: '{{practiceName}} Social Media Policy',
      blocks: [
        {
          type: PolicyBlockType.Paragraph,
          text: 'We would rather hear from you *directly*.',
          items: null,
          intro: null,
        },
        {
          type: PolicyBlockType.ChannelList,
          text: null,
          items: null,
          intro: 'Tell us in these ways:',
        },
        {
          type: PolicyBlockType.SignOff,
          text: '{{practiceName}}: {{effectiveMonthYear}}',
          items: null,
          intro: null,
        },
      ],
    },
    ...overrides,
  };
}

const CURRENT = version({
  id: 'v2',
  versionNumber: 2,
  basedOnVersionNumber: 1,
  warnings: [
    {
      code: PolicyWarningCode.RemovalWithoutWarning,
      message: 'The policy mentions removal but no warning step.',
      blockIndex: 0,
    },
  ],
});
const OLD = version({
  id: 'v1',
  versionNumber: 1,
  status: PolicyStatus.Superseded,
  supersededAt: '2025-03-31T10:00:00Z',
});
const DRAFT = version({
  id: 'v3',
  versionNumber: 3,
  status: PolicyStatus.Draft,
  basedOnVersionNumber: 2,
  publishedAt: null,
  publishedByName: null,
  updatedByName: 'Wendy Manager',
  html: '<article class="parley-policy"><h2>Draft title</h2><p>Draft words.</p></article>',
});

const LADDER_WORDING = [
  'If you post something we consider offensive or worse, we will invite you to a face-to-face discussion.',
  'If you post 2 things we consider abusive or worse within 90 days, we will give you a formal warning in writing, with our reasons.',
];

function editorData(overrides: Partial<PolicyEditorQuery> = {}): PolicyEditorQuery {
  return {
    currentPolicy: CURRENT,
    policyDraft: null,
    policyVersions: [CURRENT, OLD],
    channels: CHANNELS,
    policyEscalationSteps: LADDER_WORDING,
    ...overrides,
  };
}

/** A GraphqlClient stand-in answering per operation, recording every call. */
class FakeClient {
  readonly calls: { document: DocumentNode; variables: unknown }[] = [];
  readonly answers = new Map<DocumentNode, (variables: never) => Observable<unknown>>();
  answer<V>(document: DocumentNode, respond: (variables: V) => Observable<unknown>) {
    this.answers.set(document, respond as (variables: never) => Observable<unknown>);
  }
  request(document: DocumentNode, variables: unknown) {
    this.calls.push({ document, variables });
    const respond = this.answers.get(document);
    return respond
      ? respond(variables as never)
      : throwError(() => new Error('unexpected operation'));
  }
  callsOf(document: DocumentNode) {
    return this.calls.filter((c) => c.document === document);
  }
}

describe('PolicyPage', () => {
  let fixture: ComponentFixture<PolicyPage>;
  let el: HTMLElement;
  let client: FakeClient;

  async function settle() {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
  const text = (node: Element | null | undefined) =>
    node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const button = (name: string) =>
    Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => text(b) === name || b.getAttribute('aria-label') === name,
    );
  const dialogButton = (name: string) =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('.cdk-overlay-container button')).find(
      (b) => text(b) === name,
    );
  const preview = () => el.querySelector('[data-testid="policy-preview"]') as HTMLElement;
  const blockText = (n: number) =>
    el.querySelectorAll<HTMLTextAreaElement>('.blocks textarea')[n - 1];
  const status = () => text(el.querySelector('p[role="status"].status'));
  async function type(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
    await settle();
  }
  async function addBlock(type: PolicyBlockType) {
    const select = el.querySelector('#policy-new-block-type') as HTMLSelectElement;
    select.value = type;
    select.dispatchEvent(new Event('change'));
    button('Add block')?.click();
    await settle();
  }

  async function render(
    signIn: keyof typeof FIXTURE_SIGN_INS,
    load: () => Observable<unknown> = () => of(editorData()),
  ) {
    sessionStorage.clear();
    client = new FakeClient();
    client.answer(PolicyEditorDocument, load);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: GraphqlClient, useValue: client },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    fixture = TestBed.createComponent(PolicyPage);
    el = fixture.nativeElement;
    await settle();
  }

  afterEach(() => document.querySelector('.cdk-overlay-container')?.remove());

  describe('for practice staff', () => {
    it('shows the published version, its warnings and the history, without editing or publishing', async () => {
      await render('staff');
      const published = el.querySelector('parley-published-version');
      expect(Array.from(published?.querySelectorAll('dt, dd') ?? []).map(text)).toEqual([
        'Version',
        '2',
        'Effective',
        '1 April 2025',
        'Published',
        '31 March 2025, 10:00 by Wendy Manager',
      ]);
      expect(text(published)).toContain('The policy mentions removal but no warning step.');
      expect(published?.querySelector('a')?.getAttribute('href')).toBe('/p/wilmslow');
      expect(published?.querySelector('details')?.open).toBe(true);
      expect(published?.querySelector('.rendered h2')?.textContent).toBe(
        'Wilmslow Health Centre Social Media Policy',
      );

      expect(el.querySelector('parley-policy-editor')).toBeNull();
      expect(button('Save draft')).toBeUndefined();
      expect(button('Publish…')).toBeUndefined();
      expect(button('Start a new draft from version 1')).toBeUndefined();
      expect(el.querySelectorAll('parley-policy-history tr[mat-row]')).toHaveLength(2);
      expect(el.textContent).toContain('Only practice managers can change or publish the policy.');
    });

    it('says when a draft is being prepared, and shows it read-only', async () => {
      await render('staff', () =>
        of(editorData({ policyDraft: DRAFT, policyVersions: [DRAFT, CURRENT, OLD] })),
      );
      expect(el.textContent).toContain('Draft in progress');
      expect(el.textContent).toContain('Version 3 is being prepared');
      expect(
        el.querySelector('section[aria-labelledby="policy-draft"] .preview p')?.textContent,
      ).toBe('Draft words.');
      expect(el.querySelector('textarea')).toBeNull();
    });
  });

  describe('for a practice manager', () => {
    it('starts the editor from the published wording, with the live preview through the shared renderer', async () => {
      await render('manager');
      expect((el.querySelector('input[formcontrolname="title"]') as HTMLInputElement).value).toBe(
        '{{practiceName}} Social Media Policy',
      );
      expect(
        (el.querySelector('input[formcontrolname="effectiveDate"]') as HTMLInputElement).value,
      ).toBe('2025-04-01');
      expect(Array.from(el.querySelectorAll('.block__legend')).map(text)).toEqual([
        'Block 1: Paragraph',
        'Block 2: Channel list',
        'Block 3: Sign-off',
      ]);
      expect(preview().querySelector('h4')?.textContent).toBe(
        'Wilmslow Health Centre Social Media Policy',
      );
      expect(preview().querySelector('em')?.textContent).toBe('directly');
      expect(Array.from(preview().querySelectorAll('li')).map(text)).toEqual([
        'Leave a note in the letter box at reception.',
        'Speak to the reception team.',
      ]);
      expect(text(preview().querySelector('.parley-policy-sign-off'))).toBe(
        'Wilmslow Health Centre: April 2025',
      );
      expect(el.textContent).toContain('Starting from the wording of version 2.');
      expect(button('Publish…')?.disabled).toBe(true); // nothing changed, no draft
    });

    it('updates the preview as blocks are added, and keeps markup and script as text', async () => {
      await render('manager');
      await addBlock(PolicyBlockType.Paragraph);
      expect(el.querySelectorAll('.block')).toHaveLength(4);
      expect(document.activeElement).toBe(blockText(4));
      await type(
        blockText(4),
        'New words <script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> [x](javascript:alert(1))',
      );
      const last = Array.from(preview().querySelectorAll('p')).at(-1);
      expect(last?.textContent).toBe(
        'New words <script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> [x](javascript:alert(1))',
      );
      expect(preview().querySelectorAll('script, img, a')).toHaveLength(0);
      expect(el.textContent).toContain('Unsaved changes');
      expect(button('Publish…')?.disabled).toBe(false);
      expect(button('Undo changes')).toBeDefined();
    });

    it("shows the practice's escalation ladder in an escalation steps block", async () => {
      await render('manager');
      await addBlock(PolicyBlockType.EscalationSteps);
      const items = Array.from(preview().querySelectorAll('li')).map(text);
      expect(items).toEqual(expect.arrayContaining(LADDER_WORDING));
    });

    it('moves and removes blocks with the keyboard-reachable buttons', async () => {
      await render('manager');
      button('Move block 1 down')?.click();
      await settle();
      expect(Array.from(el.querySelectorAll('.block__legend')).map(text)).toEqual([
        'Block 1: Channel list',
        'Block 2: Paragraph',
        'Block 3: Sign-off',
      ]);
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Move block 2 down');
      button('Remove block 3')?.click();
      await settle();
      expect(el.querySelectorAll('.block')).toHaveLength(2);
      expect(preview().querySelector('.parley-policy-sign-off')).toBeNull();
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove block 2');
    });

    it('shows the policy check while editing, naming the block', async () => {
      await render('manager');
      const check = () =>
        el.querySelector('section[aria-labelledby="policy-draft"] parley-policy-warnings');
      expect(check()?.textContent).toContain('nothing to warn about');
      await type(blockText(1), 'Complaints must be made in writing only.');
      const warnings = Array.from(check()?.querySelectorAll('li') ?? []).map(text);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^Block 1 \(paragraph\): .*in writing only/);
    });

    it('checks the fields before saving, and saves the draft', async () => {
      await render('manager');
      await type(el.querySelector('input[formcontrolname="title"]') as HTMLInputElement, ' ');
      button('Save draft')?.click();
      await settle();
      expect(Array.from(el.querySelectorAll('mat-error')).map(text)).toEqual([
        "Enter the policy's title.",
      ]);
      expect(client.callsOf(SaveDraftDocument)).toHaveLength(0);

      client.answer(SaveDraftDocument, () => of({ saveDraft: { ...DRAFT, title: 'Our policy' } }));
      await type(
        el.querySelector('input[formcontrolname="title"]') as HTMLInputElement,
        'Our policy',
      );
      button('Save draft')?.click();
      await settle();
      expect(client.callsOf(SaveDraftDocument).map((c) => c.variables)).toEqual([
        {
          input: {
            effectiveDate: '2025-04-01',
            document: {
              title: 'Our policy',
              blocks: [
                {
                  type: PolicyBlockType.Paragraph,
                  text: 'We would rather hear from you *directly*.',
                  items: null,
                  intro: null,
                },
                {
                  type: PolicyBlockType.ChannelList,
                  text: null,
                  items: null,
                  intro: 'Tell us in these ways:',
                },
                {
                  type: PolicyBlockType.SignOff,
                  text: '{{practiceName}}: {{effectiveMonthYear}}',
                  items: null,
                  intro: null,
                },
              ],
            },
          },
        },
      ]);
      expect(status()).toContain('Draft saved as version 3.');
      expect(text(el.querySelector('#policy-draft'))).toBe('Draft version 3');
      expect(el.textContent).toContain('All changes saved');
      expect(button('Discard draft')).toBeDefined();
      expect(el.querySelectorAll('parley-policy-history tr[mat-row]')).toHaveLength(3);
      // The comparison follows: the new draft against the published version.
      const selects = el.querySelectorAll<HTMLSelectElement>('.compare select');
      expect([selects[0].value, selects[1].value]).toEqual(['v2', 'v3']);
    });

    it('puts an API error about a block under that block', async () => {
      await render('manager');
      client.answer(SaveDraftDocument, () =>
        throwError(
          () =>
            new ApiError(
              'BAD_USER_INPUT',
              'document.blocks[0].text is 4,120 characters; the limit is 4,000',
              'document.blocks[0].text',
            ),
        ),
      );
      button('Save draft')?.click();
      await settle();
      expect(text(el.querySelector('.block mat-error'))).toBe(
        'document.blocks[0].text is 4,120 characters; the limit is 4,000',
      );
      expect(text(el.querySelector('parley-form-alert'))).toContain('see the field marked below');
    });

    it('publishes only after confirming, saving unsaved changes first', async () => {
      await render('manager');
      await type(blockText(1), 'We would much rather hear from you directly.');
      client.answer(SaveDraftDocument, () => of({ saveDraft: DRAFT }));
      client.answer(PublishDraftDocument, () =>
        of({ publishDraft: { id: 'v3', versionNumber: 3 } }),
      );

      button('Publish…')?.click();
      await settle();
      const dialog = document.querySelector('[role="alertdialog"]');
      expect(text(dialog)).toContain('Publish version 3?');
      expect(text(dialog)).toContain('replacing version 2');
      expect(text(dialog)).toContain('It takes effect on 1 April 2025.');
      dialogButton('Cancel')?.click();
      await settle();
      expect(client.callsOf(SaveDraftDocument)).toHaveLength(0);
      expect(client.callsOf(PublishDraftDocument)).toHaveLength(0);

      button('Publish…')?.click();
      await settle();
      dialogButton('Publish version 3')?.click();
      await settle();
      expect(client.callsOf(SaveDraftDocument)).toHaveLength(1);
      expect(client.callsOf(PublishDraftDocument).map((c) => c.variables)).toEqual([
        { expectedDraftId: 'v3' },
      ]);
      expect(status()).toContain('Version 3 is published.');
      expect(client.callsOf(PolicyEditorDocument)).toHaveLength(2); // reloaded
    });

    it('publishes a saved draft as it is, and shows why a publish was refused', async () => {
      await render('manager', () =>
        of(editorData({ policyDraft: DRAFT, policyVersions: [DRAFT, CURRENT, OLD] })),
      );
      client.answer(PublishDraftDocument, () =>
        throwError(
          () =>
            new ApiError(
              'CONFLICT',
              'This draft was already published or discarded; reload to see the current policy.',
            ),
        ),
      );
      button('Publish…')?.click();
      await settle();
      dialogButton('Publish version 3')?.click();
      await settle();
      expect(client.callsOf(SaveDraftDocument)).toHaveLength(0);
      expect(client.callsOf(PublishDraftDocument).map((c) => c.variables)).toEqual([
        { expectedDraftId: 'v3' },
      ]);
      expect(text(el.querySelector('parley-form-alert'))).toContain(
        'already published or discarded',
      );
    });

    it('discards the draft after confirming', async () => {
      await render('manager', () =>
        of(editorData({ policyDraft: DRAFT, policyVersions: [DRAFT, CURRENT, OLD] })),
      );
      client.answer(DiscardDraftDocument, () => of({ discardDraft: true }));
      button('Discard draft')?.click();
      await settle();
      dialogButton('Discard draft')?.click();
      await settle();
      expect(client.callsOf(DiscardDraftDocument)).toHaveLength(1);
      expect(status()).toContain('Draft version 3 has been discarded.');
    });

    it('compares two versions, marking added and removed lines in words', async () => {
      await render('manager');
      client.answer(PolicyDiffDocument, () =>
        of({
          policyDiff: {
            fromVersionNumber: 1,
            toVersionNumber: 2,
            lines: [
              { op: DiffOp.Equal, text: 'Title', words: null },
              {
                op: DiffOp.Removed,
                text: 'Old words here.',
                words: [
                  { op: DiffOp.Removed, text: 'Old' },
                  { op: DiffOp.Equal, text: ' words here.' },
                ],
              },
              {
                op: DiffOp.Added,
                text: 'New words here.',
                words: [
                  { op: DiffOp.Added, text: 'New' },
                  { op: DiffOp.Equal, text: ' words here.' },
                ],
              },
            ],
          },
        }),
      );
      button('Show changes')?.click();
      await settle();
      expect(client.callsOf(PolicyDiffDocument).map((c) => c.variables)).toEqual([
        { fromId: 'v1', toId: 'v2' },
      ]);
      const lines = Array.from(el.querySelectorAll('parley-policy-diff li')).map(text);
      expect(lines).toEqual(['Title', '−Removed: Old words here.', '+Added: New words here.']);
      expect(el.querySelector('parley-policy-diff del .word--removed')?.textContent).toBe('Old');
      expect(el.querySelector('parley-policy-diff ins .word--added')?.textContent).toBe('New');
      expect(text(el.querySelector('parley-policy-diff .summary'))).toContain(
        '1 line added, 1 removed',
      );
    });

    it('starts a new draft from an earlier version', async () => {
      await render('manager');
      client.answer(StartDraftFromDocument, () =>
        of({ startDraftFrom: { id: 'v3', versionNumber: 3 } }),
      );
      button('Start a new draft from version 1')?.click();
      await settle();
      expect(client.callsOf(StartDraftFromDocument).map((c) => c.variables)).toEqual([
        { versionId: 'v1' },
      ]);
      expect(status()).toContain('Draft version 3 started from version 1.');
      expect(client.callsOf(PolicyEditorDocument)).toHaveLength(2);
    });

    it('starts from a starter policy when nothing was ever written', async () => {
      await render('manager', () => of(editorData({ currentPolicy: null, policyVersions: [] })));
      expect(el.textContent).toContain('has not published a policy yet');
      expect(el.querySelectorAll('.block')).toHaveLength(3);
      expect(preview().querySelector('h4')?.textContent).toBe(
        'Wilmslow Health Centre Social Media Policy',
      );
      expect(el.textContent).toContain('No versions yet.');
    });
  });

  it('shows a load failure with a way to try again', async () => {
    await render('manager', () =>
      throwError(() => new ApiError('NETWORK_ERROR', 'Parley could not be reached.')),
    );
    expect(Array.from(el.querySelectorAll('[role="alert"]')).map(text)).toContain(
      'Parley could not be reached.',
    );
    client.answer(PolicyEditorDocument, () => of(editorData()));
    button('Try again')?.click();
    await settle();
    expect(el.querySelector('parley-published-version')).not.toBeNull();
  });
});
