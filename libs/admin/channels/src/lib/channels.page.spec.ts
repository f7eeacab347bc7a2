import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import type { DocumentNode } from 'graphql';
import { type Observable, of, throwError } from 'rxjs';
import {
  type ChannelFieldsFragment,
  ChannelKind,
  ChannelsDocument,
  CreateChannelDocument,
  DeleteChannelDocument,
  ReorderChannelsDocument,
  UpdateChannelDocument,
} from './generated/graphql';
import { ChannelsPage } from './channels.page';

function channel(
  overrides: Partial<ChannelFieldsFragment> & { id: string; label: string; position: number },
): ChannelFieldsFragment {
  return {
    kind: ChannelKind.LetterBox,
    policyText: `Use the ${overrides.label}.`,
    instructions: null,
    address: null,
    href: null,
    enabled: true,
    showInPolicy: true,
    ...overrides,
  };
}

const CHANNELS = [
  channel({ id: 'c2', label: 'Tell us in person', kind: ChannelKind.InPerson, position: 2 }),
  channel({ id: 'c1', label: 'Letter box at reception', position: 1 }),
  channel({
    id: 'c3',
    label: 'Email the practice',
    kind: ChannelKind.Email,
    address: 'enquiries@wilmslow.nhs.uk',
    href: 'mailto:enquiries@wilmslow.nhs.uk',
    position: 3,
    enabled: false,
  }),
];

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

describe('ChannelsPage', () => {
  let fixture: ComponentFixture<ChannelsPage>;
  let el: HTMLElement;
  let client: FakeClient;

  async function settle() {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
  const rows = () =>
    Array.from(el.querySelectorAll('tr[mat-row]')).map((row) =>
      Array.from(row.querySelectorAll('td'))
        .slice(0, 5)
        .map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim())
        .join(' | '),
    );
  const button = (name: string) =>
    Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent)?.trim() === name,
    );
  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const dialogButton = (name: string) =>
    Array.from(overlay().querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => b.textContent?.trim() === name,
    );
  const dialogField = (name: string) =>
    overlay().querySelector(`[formcontrolname="${name}"]`) as
      | HTMLInputElement
      | HTMLTextAreaElement;
  async function type(name: string, value: string) {
    const field = dialogField(name);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    field.dispatchEvent(new Event('blur'));
    await settle();
  }
  async function chooseKind(name: string) {
    (overlay().querySelector('mat-select') as HTMLElement).click();
    await settle();
    Array.from(overlay().querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.trim() === name)
      ?.click();
    await settle();
  }
  const dialogErrors = () =>
    Array.from(overlay().querySelectorAll('mat-error')).map((e) => e.textContent?.trim());

  async function render(
    signIn: keyof typeof FIXTURE_SIGN_INS,
    load: () => Observable<unknown> = () => of({ channels: CHANNELS }),
  ) {
    sessionStorage.clear();
    client = new FakeClient();
    client.answer(ChannelsDocument, load);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: GraphqlClient, useValue: client },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    fixture = TestBed.createComponent(ChannelsPage);
    el = fixture.nativeElement;
    await settle();
  }

  afterEach(() => document.querySelector('.cdk-overlay-container')?.remove());

  describe('for practice staff', () => {
    beforeEach(() => render('staff'));

    it('lists the channels in order, read-only, with their status in words', () => {
      expect(rows()).toEqual([
        '1 | Letter box at reception | Letter box | – | On',
        '2 | Tell us in person | In person | – | On',
        '3 | Email the practice | Email | enquiries@wilmslow.nhs.uk | Off',
      ]);
      expect(el.querySelectorAll('th')).toHaveLength(5);
      expect(button('Add a channel')).toBeUndefined();
      expect(button('Edit Tell us in person')).toBeUndefined();
      expect(el.textContent).toContain('Only practice managers can change channels.');
    });
  });

  describe('for a practice manager', () => {
    beforeEach(() => render('manager'));

    it('offers add, edit, switch, move and delete', () => {
      expect(button('Add a channel')).toBeDefined();
      expect(button('Edit Tell us in person')).toBeDefined();
      expect(button('Switch on Email the practice')).toBeDefined();
      expect(button('Switch off Letter box at reception')).toBeDefined();
      expect(button('Move Letter box at reception up')?.disabled).toBe(true);
      expect(button('Move Email the practice down')?.disabled).toBe(true);
      expect(button('Move Tell us in person up')?.disabled).toBe(false);
      expect(button('Delete Email the practice')).toBeDefined();
    });

    it('adds a channel, checking the address for its kind first', async () => {
      const created = channel({
        id: 'c4',
        label: 'Phone us',
        kind: ChannelKind.Phone,
        address: '01625 123456',
        position: 4,
      });
      client.answer(CreateChannelDocument, () => of({ createChannel: created }));
      button('Add a channel')?.click();
      await settle();
      expect(overlay().querySelector('h2')?.textContent).toContain('Add a channel');

      await chooseKind('Phone');
      await type('label', 'Phone us');
      await type('policyText', 'Ring **01625 123456** in opening hours.');
      await type('address', '12345');
      dialogButton('Add channel')?.click();
      await settle();
      expect(dialogErrors()).toEqual([
        'Enter a UK phone number of digits and spaces, e.g. 01625 123456 or +44 1625 123456.',
      ]);
      expect(client.callsOf(CreateChannelDocument)).toHaveLength(0);

      await type('address', '01625 123456');
      dialogButton('Add channel')?.click();
      await settle();
      expect(client.callsOf(CreateChannelDocument).map((c) => c.variables)).toEqual([
        {
          input: {
            kind: ChannelKind.Phone,
            label: 'Phone us',
            policyText: 'Ring **01625 123456** in opening hours.',
            instructions: null,
            address: '01625 123456',
            enabled: true,
            showInPolicy: true,
          },
        },
      ]);
      expect(overlay().querySelector('mat-dialog-container')).toBeNull();
      expect(rows()[3]).toBe('4 | Phone us | Phone | 01625 123456 | On');
      expect(el.querySelector('p[role="status"]')?.textContent).toContain(
        'Phone us has been added.',
      );
    });

    it('has no address field for an online form', async () => {
      button('Add a channel')?.click();
      await settle();
      await chooseKind('Online form');
      expect(dialogField('address')).toBeNull();
      expect(overlay().textContent).toContain('Parley provides the online form');
    });

    it('puts the API field error under its field and keeps the dialog open', async () => {
      client.answer(UpdateChannelDocument, () =>
        throwError(
          () =>
            new ApiError(
              'BAD_USER_INPUT',
              'address must be an email address (e.g. enquiries@practice.nhs.uk) for an email channel.',
              'input.address',
            ),
        ),
      );
      button('Edit Email the practice')?.click();
      await settle();
      expect((dialogField('label') as HTMLInputElement).value).toBe('Email the practice');
      await type('label', 'Email us');
      dialogButton('Save changes')?.click();
      await settle();
      expect(client.callsOf(UpdateChannelDocument)).toHaveLength(1);
      expect(dialogErrors()).toEqual([
        'address must be an email address (e.g. enquiries@practice.nhs.uk) for an email channel.',
      ]);
      expect(overlay().querySelector('mat-dialog-container')).not.toBeNull();
      expect(rows()[2]).toContain('Email the practice');
    });

    it('switches a channel off and says so in words', async () => {
      client.answer(UpdateChannelDocument, (v: { id: string; input: { enabled: boolean } }) =>
        of({
          updateChannel: { ...CHANNELS.find((c) => c.id === v.id)!, enabled: v.input.enabled },
        }),
      );
      button('Switch off Letter box at reception')?.click();
      await settle();
      expect(client.callsOf(UpdateChannelDocument).map((c) => c.variables)).toEqual([
        { id: 'c1', input: { enabled: false } },
      ]);
      expect(rows()[0]).toBe('1 | Letter box at reception | Letter box | – | Off');
      expect(el.querySelector('p[role="status"]')?.textContent).toContain('switched off');
    });

    it('moves a channel down with the full new order, keeping focus on the button', async () => {
      client.answer(ReorderChannelsDocument, (v: { ids: string[] }) =>
        of({
          reorderChannels: v.ids.map((id, i) => ({
            ...CHANNELS.find((c) => c.id === id)!,
            position: i + 1,
          })),
        }),
      );
      const down = button('Move Letter box at reception down')!;
      down.focus();
      down.click();
      await settle();
      await settle();
      expect(client.callsOf(ReorderChannelsDocument).map((c) => c.variables)).toEqual([
        { ids: ['c2', 'c1', 'c3'] },
      ]);
      expect(rows().map((r) => r.split(' | ')[1])).toEqual([
        'Tell us in person',
        'Letter box at reception',
        'Email the practice',
      ]);
      expect(document.activeElement?.getAttribute('aria-label')).toBe(
        'Move Letter box at reception down',
      );
      expect(el.querySelector('p[role="status"]')?.textContent).toContain(
        'moved to position 2 of 3',
      );
    });

    it('deletes a channel only after confirming', async () => {
      client.answer(DeleteChannelDocument, () => of({ deleteChannel: true }));
      button('Delete Tell us in person')?.click();
      await settle();
      expect(document.querySelector('[role="alertdialog"]')?.textContent).toContain(
        'Delete Tell us in person?',
      );
      dialogButton('Cancel')?.click();
      await settle();
      expect(client.callsOf(DeleteChannelDocument)).toHaveLength(0);

      button('Delete Tell us in person')?.click();
      await settle();
      dialogButton('Delete Tell us in person')?.click();
      await settle();
      expect(client.callsOf(DeleteChannelDocument).map((c) => c.variables)).toEqual([{ id: 'c2' }]);
      expect(rows()).toHaveLength(2);
    });

    it('shows why an action was refused', async () => {
      client.answer(DeleteChannelDocument, () =>
        throwError(() => new ApiError('FORBIDDEN', 'You may not change channels.')),
      );
      button('Delete Tell us in person')?.click();
      await settle();
      dialogButton('Delete Tell us in person')?.click();
      await settle();
      expect(el.querySelector('[role="alert"]')?.textContent).toContain(
        'You may not change channels.',
      );
      expect(rows()).toHaveLength(3);
    });
  });

  it('shows a load failure with a way to try again', async () => {
    await render('manager', () =>
      throwError(() => new ApiError('NETWORK_ERROR', 'Parley could not be reached.')),
    );
    const alerts = Array.from(el.querySelectorAll('[role="alert"]')).map((a) =>
      a.textContent?.trim(),
    );
    expect(alerts).toContain('Parley could not be reached.');
    expect(rows()).toHaveLength(0);

    client.answer(ChannelsDocument, () => of({ channels: CHANNELS }));
    button('Try again')?.click();
    await settle();
    expect(rows()).toHaveLength(3);
  });
});
