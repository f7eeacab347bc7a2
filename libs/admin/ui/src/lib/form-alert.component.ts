import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The form-level error. The live region is always in the page so the message is announced when
 * it appears.
 */
@Component({
  selector: 'parley-form-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div role="alert" class="form-alert" [class.form-alert--shown]="!!message()">
    {{ message() }}
  </div>`,
  styles: `
    .form-alert--shown {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class FormAlertComponent {
  readonly message = input<string | null>(null);
}
