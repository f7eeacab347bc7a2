import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export interface WarningLike {
  code: string;
  message: string;
  blockIndex?: number | null;
}

/** The policy check's advice, each with the block it is about. Advice only: never blocks publishing. */
@Component({
  selector: 'parley-policy-warnings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (warnings().length === 0) {
      <p class="ok">{{ emptyText() }}</p>
    } @else {
      <ul class="warnings">
        @for (warning of items(); track $index) {
          <li class="warnings__item">
            <strong>{{ warning.where }}:</strong> {{ warning.message }}
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .warnings {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .warnings__item {
      margin: 0 0 8px;
      padding: 8px 12px;
      border-inline-start: 4px solid var(--mat-sys-tertiary);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-radius: var(--mat-sys-corner-extra-small);
    }
    .ok {
      margin: 0;
    }
  `,
})
export class PolicyWarningsComponent {
  readonly warnings = input.required<readonly WarningLike[]>();
  /** Block type names by index, to say which block a warning is about. */
  readonly blockNames = input<readonly string[]>([]);
  readonly emptyText = input('The policy check found nothing to warn about.');

  protected readonly items = computed(() =>
    this.warnings().map((w) => {
      const name = w.blockIndex == null ? undefined : this.blockNames()[w.blockIndex];
      const where =
        w.blockIndex == null
          ? 'Whole policy'
          : `Block ${w.blockIndex + 1}${name ? ` (${name.toLowerCase()})` : ''}`;
      return { where, message: w.message };
    }),
  );
}
