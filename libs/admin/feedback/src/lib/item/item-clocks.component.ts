import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { addDays, compareIsoDates, type IsoDate, londonDateOf } from '@parley/shared/domain';
import { firstValueFrom, type Observable } from 'rxjs';
import {
  type FeedbackItemFieldsFragment,
  RecordDelayLetterDocument,
  WaiveTimeLimitDocument,
} from '../generated/graphql';

/** The home page lists delay letters due within this many days. */
const DELAY_LETTER_NOTICE_DAYS = 14;

/** Something was recorded on the item: the page reads it again and says what happened. */
export interface ItemChange {
  message: string;
}

/**
 * The statutory clocks of a complaint, in words: acknowledgement by the 3rd working day, the
 * delay letter at 6 months, the 12-month time limit. Managers record a delay letter or a waiver here.
 */
@Component({
  selector: 'parley-item-clocks',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    FormAlertComponent,
  ],
  templateUrl: './item-clocks.component.html',
  styleUrl: '../feedback.css',
})
export class ItemClocksComponent {
  private readonly client = inject(GraphqlClient);

  readonly item = input.required<FeedbackItemFieldsFragment>();
  readonly canManage = input(false);
  readonly changed = output<ItemChange>();

  protected readonly clocks = computed(() => this.item().clocks);
  protected readonly open = computed(() => !this.item().closedOn);
  protected readonly today = londonDateOf(new Date());
  /** Offered once the letter is due soon (as the home page counts it) or overdue, not from day one. */
  protected readonly canRecordDelayLetter = computed(() => {
    const item = this.item();
    const due = item.clocks?.delayLetterDue as IsoDate | undefined;
    const soon = !!due && compareIsoDates(due, addDays(this.today, DELAY_LETTER_NOTICE_DAYS)) <= 0;
    return (
      this.canManage() &&
      this.open() &&
      !item.respondedOn &&
      !item.clocks?.delayLetterSentOn &&
      soon
    );
  });
  protected readonly canWaive = computed(() => {
    const limit = this.item().clocks?.timeLimit;
    return this.canManage() && this.open() && !!limit && !limit.withinLimit && !limit.waived;
  });

  protected delayLetterOn = this.today;
  protected waiverReason = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async recordDelayLetter(): Promise<void> {
    await this.run(
      () =>
        this.client.request(RecordDelayLetterDocument, {
          id: this.item().id,
          sentOn: this.delayLetterOn || null,
        }),
      'The delay letter has been recorded.',
    );
  }

  protected async waive(): Promise<void> {
    const because = this.waiverReason.trim();
    if (!because) {
      this.error.set('Say why the time limit is waived.');
      return;
    }
    await this.run(
      () => this.client.request(WaiveTimeLimitDocument, { id: this.item().id, because }),
      'The time limit has been waived.',
    );
    this.waiverReason = '';
  }

  private async run(call: () => Observable<unknown>, message: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(call());
      this.changed.emit({ message });
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
