import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { of, throwError } from 'rxjs';
import { FeedbackItemsDocument, ImportComplaintsCsvDocument } from '../generated/graphql';
import { FakeClient, settle } from '../../testing/fake-client';
import { FEEDBACK_ROUTES } from '../feedback.routes';

const CSV = 'received_on,channel,summary\n2030-03-01,letter_box,Prescription late\n';

describe('ImportPage', () => {
  let harness: RouterTestingHarness;
  let client: FakeClient;
  let el: HTMLElement;

  async function open(signIn: keyof typeof FIXTURE_SIGN_INS = 'manager') {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: 'feedback', children: FEEDBACK_ROUTES }],
          withComponentInputBinding(),
        ),
        { provide: GraphqlClient, useValue: client },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/feedback/import');
    el = harness.routeNativeElement as HTMLElement;
    await settle(harness.fixture);
  }
  async function choose(content: string) {
    const input = el.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File([content], 'complaints.csv', { type: 'text/csv' });
    // jsdom's File has no text() before Node's Blob is used; read it the way browsers do.
    Object.defineProperty(file, 'text', { value: () => Promise.resolve(content) });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle(harness.fixture);
  }
  async function upload() {
    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(harness.fixture);
  }

  beforeEach(() => {
    client = new FakeClient();
    client.answer(FeedbackItemsDocument, () =>
      of({ feedbackItems: { items: [], totalCount: 0, endCursor: null, hasNextPage: false } }),
    );
  });

  it('is for managers only', async () => {
    await open('staff');
    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('asks for a file first', async () => {
    await open();
    expect(el.querySelector('label[for="import-file"]')?.textContent).toBe('CSV file');
    await upload();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Choose the CSV file to import.',
    );
    expect(client.variablesOf(ImportComplaintsCsvDocument)).toEqual([]);
  });

  it('sends the text of the file and says how many were imported', async () => {
    client.answer(ImportComplaintsCsvDocument, () =>
      of({ importComplaintsCsv: { rows: 1, imported: 1, problems: [] } }),
    );
    await open();
    await choose(CSV);
    await upload();
    expect(client.variablesOf(ImportComplaintsCsvDocument)).toEqual([{ csv: CSV }]);
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Imported 1 item from 1 row.',
    );
    expect(el.querySelector('table')).toBeNull();
  });

  it('lists every problem by row when nothing was imported', async () => {
    client.answer(ImportComplaintsCsvDocument, () =>
      of({
        importComplaintsCsv: {
          rows: 3,
          imported: 0,
          problems: [
            {
              row: 2,
              field: 'received_on',
              message:
                'received_on must be a date written yyyy-mm-dd or dd/mm/yyyy, not "yesterday".',
            },
            { row: 4, field: null, message: 'The row has 5 cells but the header has 3 columns.' },
          ],
        },
      }),
    );
    await open();
    await choose(CSV);
    await upload();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Nothing was imported: 2 problems in 3 rows.',
    );
    expect(
      Array.from(el.querySelectorAll('tr[mat-row]')).map((row) =>
        Array.from(row.querySelectorAll('td')).map((td) => td.textContent?.trim()),
      ),
    ).toEqual([
      [
        '2',
        'received_on',
        'received_on must be a date written yyyy-mm-dd or dd/mm/yyyy, not "yesterday".',
      ],
      ['4', '–', 'The row has 5 cells but the header has 3 columns.'],
    ]);
  });

  it('shows why the upload failed', async () => {
    client.answer(ImportComplaintsCsvDocument, () =>
      throwError(
        () =>
          new ApiError(
            'BAD_USER_INPUT',
            'csv is longer than the limit of 5,000,000 characters',
            'csv',
          ),
      ),
    );
    await open();
    await choose(CSV);
    await upload();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'csv is longer than the limit',
    );
  });
});
