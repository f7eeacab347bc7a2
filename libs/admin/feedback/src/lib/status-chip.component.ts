import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FeedbackStatus } from './generated/graphql';
import { statusLabel } from './feedback-labels';

/** A feedback item's status in words; the colour only repeats what the text says. */
@Component({
  selector: 'parley-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="'chip chip--' + tone()">{{ label() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      border: 1px solid var(--mat-sys-outline);
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    .chip--open {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .chip--new {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .chip--final {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class StatusChipComponent {
  readonly status = input.required<FeedbackStatus>();
  protected readonly label = computed(() => statusLabel(this.status()));
  protected readonly tone = computed(() => {
    const status = this.status();
    if (status === FeedbackStatus.Received) return 'new';
    return status === FeedbackStatus.Closed || status === FeedbackStatus.Withdrawn
      ? 'final'
      : 'open';
  });
}
