import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import type { DocumentNode } from 'graphql';
import { type Observable, of, throwError } from 'rxjs';
import {
  FeedbackStatus,
  RecordRetentionReviewDocument,
  RetentionDecision,
  RetentionReviewDocument,
  type RetentionReviewItemFieldsFragment,
  type RetentionReviewQuery,
  RetentionSettingsDocument,
  SaveRetentionSettingsDocument,
} from './generated/graphql';
import { RetentionPage } from './retention.page';

const DUE: RetentionReviewItemFieldsFragment = {
  feedbackId: 'f1',
  reference: '3F2A9C1B',
  status: FeedbackStatus.Closed,
  receivedOn: '2014-01-02',
  closedOn: '2014-02-03',
  retentionEndsOn: '2024-02-03',
  retentionReviewDue: true,
  latestReview: null,
};
const LATER: RetentionReviewItemFieldsFragment = {
  ...DUE,
  feedbackId: 'f2',
  reference: '7C0DE111',
  closedOn: '2014-05-06',
  retentionEndsOn: '2024-05-06',
};

function page(
  items: RetentionReviewItemFieldsFragment[],
  more: Partial<RetentionReviewQuery['retentionReview']> = {},
): RetentionReviewQuery {
  return {
    retentionReview: {
      totalCount: items.length,
      dueCount: items.filter((i) => i.retentionReviewDue).length,
      retentionYears: 10,
      hasNextPage: false,
      endCursor: null,
      items,
      ...more,
    },
  };
}

describe('RetentionPage', () => {
  let calls: { document: DocumentNode; variables: Record<string, unknown> }[];
  let review: (variables: Record<string, unknown>) => Observable<unknown>;
  let save: () => Observable<unknown>;
  let record: (variables: Record<string, unknown>) => Observable<unknown>;

  async function render(
    firstReview: (variables: Record<string, unknown>) => Observable<unknown> = () =>
      of(page([DUE])),
  ) {
    sessionStorage.clear();
    calls = [];
    review = firstReview;
    save = () =>
      of({
        saveRetentionSettings: {
          retentionYears: 12,
          isDefault: false,
          updatedAt: '2030-03-04T10:00:00Z',
          updatedBy: 'Wendy Manager',
        },
      });
    record = (variables) => {
      const input = variables['input'] as { keepYears: number | null; reason: string };
      return of({
        recordRetentionReview: {
          ...DUE,
          retentionReviewDue: false,
          latestReview: {
            id: 'r1',
            decision: input.keepYears
              ? RetentionDecision.Keep
              : RetentionDecision.ApprovedForDestruction,
            keepYears: input.keepYears,
            keepUntil: input.keepYears ? '2032-03-04' : null,
            reason: input.reason,
            decidedAt: '2030-03-04T10:00:00Z',
            decidedBy: 'Wendy Manager',
          },
        },
      });
    };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: GraphqlClient,
          useValue: {
            request: (document: DocumentNode, variables: Record<string, unknown>) => {
              calls.push({ document, variables });
              if (document === RetentionSettingsDocument)
                return of({
                  retentionSettings: {
                    retentionYears: 10,
                    isDefault: true,
                    updatedAt: null,
                    updatedBy: null,
                  },
                });
              if (document === RetentionReviewDocument) return review(variables);
              if (document === SaveRetentionSettingsDocument) return save();
              if (document === RecordRetentionReviewDocument) return record(variables);
              return throwError(() => new Error('unexpected operation'));
            },
          },
        },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS.manager());
    const fixture = TestBed.createComponent(RetentionPage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const text = (selector: string) =>
      el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const button = (label: string) =>
      Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
        (b) => b.textContent?.trim() === label,
      );
    const type = async (selector: string, value: string) => {
      const field = el.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
      if (!field) throw new Error(`no ${selector}`);
      field.value = value;
      field.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const click = async (target: HTMLElement | undefined | null) => {
      if (!target) throw new Error('nothing to click');
      target.click();
      await fixture.whenStable();
    };
    return {
      fixture,
      el,
      text,
      button,
      type,
      click,
      rows: () =>
        Array.from(el.querySelectorAll('tbody tr')).map(
          (tr) => tr.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        ),
      reviews: () => calls.filter((c) => c.document === RetentionReviewDocument),
    };
  }

  it('shows the period and the records due for review first, in a captioned table', async () => {
    const view = await render();
    expect(view.text('h1')).toBe('Record retention');
    expect(view.el.textContent).toContain('kept 10 years after closure (the default)');
    expect(view.reviews()[0].variables).toEqual({ onlyDue: true, first: 25 });
    expect(view.text('caption')).toBe(
      'Complaint records awaiting a decision, oldest closure first',
    );
    expect(view.rows()).toHaveLength(1);
    expect(view.rows()[0]).toContain('3F2A9C1B');
    expect(view.rows()[0]).toContain('3 Feb 2014');
    expect(view.rows()[0]).toContain('Due for review');
    expect(view.rows()[0]).toContain('None yet');
  });

  it('says when no records are due, and shows every record past its period on request', async () => {
    const view = await render();
    review = ({ onlyDue }) => of(page(onlyDue ? [] : [{ ...DUE, retentionReviewDue: false }]));
    const checkbox = view.el.querySelector<HTMLInputElement>('mat-checkbox input');
    await view.click(checkbox);
    expect(view.reviews().at(-1)?.variables).toEqual({ onlyDue: false, first: 25 });
    expect(view.rows()).toHaveLength(1);
    expect(view.text('caption')).toContain('past their retention period');
    await view.click(checkbox);
    expect(view.rows()).toHaveLength(0);
    expect(view.text('.empty')).toBe('No records are due for review.');
  });

  it('loads more with the cursor, keeping the rows already shown', async () => {
    const view = await render(({ after }) =>
      of(after ? page([LATER]) : page([DUE], { hasNextPage: true, endCursor: 'c1' })),
    );
    await view.click(view.button('Load more'));
    expect(view.reviews().at(-1)?.variables).toEqual({ onlyDue: true, first: 25, after: 'c1' });
    expect(view.rows().map((r) => r.slice(0, 8))).toEqual(['3F2A9C1B', '7C0DE111']);
    expect(view.button('Load more')).toBeUndefined();
  });

  it('saves a new period, and shows the API refusing less than 10 years on the field', async () => {
    const view = await render();
    save = () =>
      throwError(
        () =>
          new ApiError(
            'BAD_USER_INPUT',
            'retentionYears must be at least 10: the NHS Records Management Code keeps complaint records 10 years after closure',
            'input.retentionYears',
          ),
      );
    await view.type('input[formcontrolname="retentionYears"]', '8');
    await view.click(view.button('Save period'));
    expect(calls.at(-1)).toMatchObject({
      document: SaveRetentionSettingsDocument,
      variables: { input: { retentionYears: 8 } },
    });
    expect(view.text('mat-error')).toContain('at least 10');
    expect(view.text('parley-form-alert')).toBe('');

    save = () =>
      of({
        saveRetentionSettings: {
          retentionYears: 12,
          isDefault: false,
          updatedAt: '2030-03-04T10:00:00Z',
          updatedBy: 'Wendy Manager',
        },
      });
    await view.type('input[formcontrolname="retentionYears"]', '12');
    await view.click(view.button('Save period'));
    expect(view.text('[role="status"]')).toBe('Saved: records are kept 12 years after closure.');
    expect(view.el.textContent).toContain('kept 12 years after closure, set by Wendy Manager');
  });

  it('records a decision to keep a record, and takes it off the due list', async () => {
    const view = await render();
    await view.click(view.el.querySelector<HTMLButtonElement>('tbody button'));
    expect(view.text('#retention-decision')).toBe('Decision on complaint 3F2A9C1B');
    await view.type('input[formcontrolname="keepYears"]', '2');
    await view.type('textarea[formcontrolname="reason"]', 'Legal claim pending');
    await view.click(view.button('Record decision'));
    expect(calls.at(-1)).toMatchObject({
      document: RecordRetentionReviewDocument,
      variables: {
        input: {
          feedbackId: 'f1',
          decision: RetentionDecision.Keep,
          keepYears: 2,
          reason: 'Legal claim pending',
        },
      },
    });
    expect(view.rows()).toHaveLength(0);
    expect(view.text('.empty')).toBe('No records are due for review.');
    expect(view.text('[role="status"]')).toContain('Complaint 3F2A9C1B: Keep 2 more years');
    expect(view.text('[role="status"]')).toContain('Nothing was deleted.');
    expect(view.el.querySelector('#retention-decision')).toBeNull();
  });

  it('asks for a reason before sending anything', async () => {
    const view = await render();
    await view.click(view.el.querySelector<HTMLButtonElement>('tbody button'));
    await view.type('input[formcontrolname="keepYears"]', '2');
    await view.click(view.button('Record decision'));
    expect(calls.some((c) => c.document === RecordRetentionReviewDocument)).toBe(false);
    expect(view.text('mat-error')).toBe('Give the reason for the decision.');
  });

  it('confirms an approval for destruction, saying nothing is deleted, before recording it', async () => {
    const view = await render();
    await view.click(view.el.querySelector<HTMLButtonElement>('tbody button'));
    const radios = view.el.querySelectorAll<HTMLInputElement>('mat-radio-button input');
    await view.click(radios[1]);
    expect(view.el.querySelector('input[formcontrolname="keepYears"]')).toBeNull();
    await view.type('textarea[formcontrolname="reason"]', 'Reviewed: no reason to keep');
    await view.click(view.button('Record decision'));
    expect(calls.some((c) => c.document === RecordRetentionReviewDocument)).toBe(false);
    expect(view.text('#retention-confirm')).toContain('Nothing is deleted');
    await view.click(view.button('Yes, approve for destruction'));
    expect(calls.at(-1)).toMatchObject({
      document: RecordRetentionReviewDocument,
      variables: {
        input: {
          feedbackId: 'f1',
          decision: RetentionDecision.ApprovedForDestruction,
          keepYears: null,
          reason: 'Reviewed: no reason to keep',
        },
      },
    });
    expect(view.text('[role="status"]')).toContain('Approved for destruction by Wendy Manager');
  });

  it('shows why a decision was refused, keeping the form open', async () => {
    const view = await render();
    record = () =>
      throwError(
        () => new ApiError('CONFLICT', 'This record is kept until 2024-02-03.', 'feedbackId'),
      );
    await view.click(view.el.querySelector<HTMLButtonElement>('tbody button'));
    await view.type('input[formcontrolname="keepYears"]', '2');
    await view.type('textarea[formcontrolname="reason"]', 'Why');
    await view.click(view.button('Record decision'));
    expect(view.text('parley-retention-decision-form [role="alert"]')).toContain('kept until');
    expect(view.rows()).toHaveLength(1);
  });
});
