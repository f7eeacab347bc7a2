import { formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  LOCALE_ID,
} from '@angular/core';
import type { IncidentFieldsFragment } from '../generated/graphql';
import { ladderSteps, nextStepAdvice, type Permissions, scopeText } from '../ladder-view';

const STATE_LABELS = {
  taken: 'Taken',
  suggested: 'Suggested now',
  passed: 'Passed over',
  pending: 'Not reached',
} as const;

/** Where the incident (or its patient) stands on the ladder, and the step it calls for now. */
@Component({
  selector: 'parley-ladder-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>{{ scope() }}</p>
    <ol class="ladder">
      @for (step of steps(); track step.kind) {
        <li class="ladder__step ladder__step--{{ step.state }}">
          <span class="ladder__label">{{ step.label }}</span
          >&ngsp;<span class="ladder__state">{{ stateLabels[step.state] }}</span
          >&ngsp;<span class="ladder__detail">{{ step.detail }}</span>
        </li>
      }
    </ol>
    <section class="next" aria-labelledby="ladder-next">
      <h3 id="ladder-next" class="next__title">Next suggested step</h3>
      @if (next(); as next) {
        <p class="next__step">{{ next.label }}</p>
        <p>Because of {{ lowerFirst(next.reason) }}</p>
        @if (next.blocked) {
          <p class="muted">{{ next.blocked }}</p>
        }
      } @else {
        <p>None: the ladder calls for no further step now.</p>
      }
    </section>
  `,
  styles: `
    .ladder {
      margin: 0 0 16px;
      padding-inline-start: 1.75rem;
      max-width: 56rem;
    }
    .ladder__step {
      margin-bottom: 8px;
    }
    .ladder__label {
      font-weight: 600;
    }
    .ladder__state {
      display: inline-block;
      margin-inline-start: 8px;
      padding: 0 8px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
    }
    .ladder__step--taken .ladder__state {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .ladder__step--suggested .ladder__state {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .ladder__detail {
      display: block;
    }
    .next {
      display: block;
      max-width: 48rem;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .next__title {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
      color: inherit;
    }
    .next__step {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
      font-weight: 600;
    }
    .next p:last-child {
      margin-bottom: 0;
    }
    .muted {
      font-style: italic;
    }
  `,
})
export class LadderProgressComponent {
  private readonly locale = inject(LOCALE_ID);

  readonly incident = input.required<IncidentFieldsFragment>();
  readonly can = input.required<Permissions>();

  protected readonly stateLabels = STATE_LABELS;
  protected readonly scope = computed(() => scopeText(this.incident()));
  protected readonly steps = computed(() =>
    ladderSteps(this.incident(), (day) => formatDate(day, 'd MMMM y', this.locale)),
  );
  protected readonly next = computed(() => nextStepAdvice(this.incident(), this.can()));

  protected lowerFirst(text: string): string {
    return text ? text[0].toLowerCase() + text.slice(1) : text;
  }
}
