import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type ReadableSettings, summarise } from './settings-text';

/**
 * Escalation settings in words: the ladder as numbered steps with what triggers each, then the
 * removal rules, the complaint clocks and the volume alert. Titles are headings at `level`.
 */
@Component({
  selector: 'parley-settings-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = summary();
    <section class="summary__section">
      <p
        class="summary__title"
        [class.summary__title--top]="level() <= 2"
        role="heading"
        [attr.aria-level]="level()"
      >
        The ladder for offensive posts
      </p>
      <ol class="ladder">
        @for (step of s.ladder; track step.position) {
          <li class="ladder__step">
            <span class="ladder__label">{{ step.label }}</span
            >&ngsp;<span class="ladder__when">Suggested after: {{ step.when }}</span>
          </li>
        }
      </ol>
      <p class="muted">
        Incidents count towards a step when they are linked to the same patient. The highest step
        whose trigger is met is suggested, so a serious post need not climb every step; removal is
        never suggested before a formal warning.
      </p>
    </section>
    <section class="summary__section">
      <p
        class="summary__title"
        [class.summary__title--top]="level() <= 2"
        role="heading"
        [attr.aria-level]="level()"
      >
        Removal from the practice list
      </p>
      <ul class="rules">
        @for (rule of s.removal; track rule) {
          <li>{{ rule }}</li>
        }
      </ul>
    </section>
    <section class="summary__section">
      <p
        class="summary__title"
        [class.summary__title--top]="level() <= 2"
        role="heading"
        [attr.aria-level]="level()"
      >
        Complaint clocks
      </p>
      <ul class="rules">
        @for (rule of s.clocks; track rule) {
          <li>{{ rule }}</li>
        }
      </ul>
    </section>
    <section class="summary__section">
      <p
        class="summary__title"
        [class.summary__title--top]="level() <= 2"
        role="heading"
        [attr.aria-level]="level()"
      >
        Volume alert
      </p>
      <p>{{ s.volumeAlert }}</p>
    </section>
  `,
  styles: `
    :host {
      display: block;
      max-width: 56rem;
    }
    .summary__section {
      margin-bottom: 24px;
    }
    .summary__title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
    }
    .summary__title--top {
      margin-bottom: 12px;
      font: var(--mat-sys-title-large);
    }
    .ladder {
      margin: 0 0 8px;
      padding-inline-start: 1.75rem;
    }
    .ladder__step {
      margin-bottom: 8px;
    }
    .ladder__label {
      display: block;
      font-weight: 600;
    }
    .ladder__when {
      display: block;
    }
    .rules {
      margin: 0;
      padding-inline-start: 1.5rem;
    }
    .rules li {
      margin-bottom: 4px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SettingsSummaryComponent {
  readonly settings = input.required<ReadableSettings>();
  /** The heading level of the section titles. */
  readonly level = input(2);
  protected readonly summary = computed(() => summarise(this.settings()));
}
