import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { PolicyVersionFieldsFragment } from './generated/graphql';
import { PolicyWarningsComponent } from './policy-warnings.component';

/** The version the public sees: who published it and when, its stored warnings and its wording. */
@Component({
  selector: 'parley-published-version',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, PolicyWarningsComponent],
  template: `
    <dl class="facts">
      <div>
        <dt>Version</dt>
        <dd>{{ version().versionNumber }}</dd>
      </div>
      <div>
        <dt>Effective</dt>
        <dd>{{ version().effectiveDate | date: 'd MMMM y' }}</dd>
      </div>
      <div>
        <dt>Published</dt>
        <dd>
          {{ version().publishedAt | date: 'd MMMM y, HH:mm' }}
          @if (version().publishedByName) {
            by {{ version().publishedByName }}
          }
        </dd>
      </div>
    </dl>
    <p>
      <a [href]="publicUrl()" target="_blank" rel="noopener"
        >Open the public page<span class="visually-hidden"> (opens in a new tab)</span></a
      >
    </p>
    <h3 class="subsection-title">Policy check when published</h3>
    <parley-policy-warnings
      [warnings]="version().warnings"
      [blockNames]="blockNames()"
      emptyText="The policy check found nothing to warn about when this version was published."
    />
    <details class="wording" [open]="open()">
      <summary>The published wording</summary>
      <div class="rendered" [innerHTML]="version().html"></div>
    </details>
  `,
  styles: `
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 32px;
      margin: 0 0 8px;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .subsection-title {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .wording {
      margin-top: 16px;
    }
    summary {
      cursor: pointer;
      font: var(--mat-sys-title-small);
      padding: 4px 0;
    }
    .rendered {
      max-width: 48rem;
      padding: 8px 24px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
  `,
})
export class PublishedVersionComponent {
  readonly version = input.required<PolicyVersionFieldsFragment>();
  readonly publicUrl = input.required<string>();
  readonly blockNames = input<readonly string[]>([]);
  /** Whether the wording starts unfolded. */
  readonly open = input(false);
}
