import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { firstValueFrom } from 'rxjs';
import {
  ImportComplaintsCsvDocument,
  type ImportComplaintsCsvMutation,
} from '../generated/graphql';

type ImportResult = ImportComplaintsCsvMutation['importComplaintsCsv'];

/** The API's limit on the size of one import. */
export const CSV_MAX_CHARACTERS = 5_000_000;

/** The columns of the import, as the API reads them; the first three are required. */
export const CSV_COLUMNS: readonly { name: string; what: string }[] = [
  { name: 'received_on', what: 'Date received, yyyy-mm-dd or dd/mm/yyyy (required)' },
  {
    name: 'channel',
    what: "One of the practice's channels: its kind (e.g. in_person, letter_box) or its label (required)",
  },
  { name: 'summary', what: 'What the feedback said (required)' },
  { name: 'kind', what: 'complaint (the default), compliment or suggestion' },
  { name: 'sentiment', what: 'positive, neutral or negative' },
  { name: 'oral', what: 'yes or no' },
  { name: 'status', what: 'received, acknowledged, investigating, responded, closed or withdrawn' },
  {
    name: 'subject_areas, staff_groups',
    what: 'KO41(b) codes or their names, several separated by semicolons',
  },
  { name: 'complainant_status, age_band', what: 'KO41(b) codes or their names' },
  { name: 'event_on, aware_on, time_limit_waived_because', what: 'The 12-month time limit' },
  {
    name: 'acknowledged_on, responded_on, closed_on, outcome, phso_informed',
    what: 'The workflow so far',
  },
  { name: 'contact_name, contact_email, contact_phone', what: 'Optional contact details' },
];

/** A practice moving off a spreadsheet uploads its complaints log: all rows, or none with a report. */
@Component({
  selector: 'parley-feedback-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatTableModule, FormAlertComponent],
  templateUrl: './import.page.html',
  styleUrl: '../feedback.css',
})
export class ImportPage {
  private readonly client = inject(GraphqlClient);

  protected readonly columnsHelp = CSV_COLUMNS;
  protected readonly problemColumns = ['row', 'field', 'message'];
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<ImportResult | null>(null);

  protected choose(input: HTMLInputElement): void {
    this.file.set(input.files?.[0] ?? null);
    this.error.set(null);
    this.result.set(null);
  }

  protected async upload(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    this.result.set(null);
    const file = this.file();
    if (!file) {
      this.error.set('Choose the CSV file to import.');
      return;
    }
    this.error.set(null);
    this.busy.set(true);
    try {
      const csv = await file.text();
      if (csv.length > CSV_MAX_CHARACTERS) {
        this.error.set(
          'The file is too large: import at most 5,000,000 characters (about 5,000 rows) at a time.',
        );
        return;
      }
      const { importComplaintsCsv } = await firstValueFrom(
        this.client.request(ImportComplaintsCsvDocument, { csv }),
      );
      this.result.set(importComplaintsCsv);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
