import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { IconComponent } from './icon.component';

let nextId = 0;

/** A read-only value (e.g. an invitation link) with a button that copies it. */
@Component({
  selector: 'parley-copy-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatInputModule, MatButtonModule, IconComponent],
  template: `
    <mat-form-field appearance="outline" class="copy-field__input" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input matInput readonly [id]="inputId" [value]="value()" (focus)="field.select()" #field />
    </mat-form-field>
    <button mat-stroked-button type="button" (click)="copy()" [attr.aria-describedby]="inputId">
      <parley-icon name="copy" />
      {{ buttonLabel() }}
    </button>
    <span class="copy-field__status" role="status">{{ status() }}</span>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    .copy-field__input {
      flex: 1 1 22rem;
    }
    .copy-field__status {
      flex-basis: 100%;
      min-height: 1.25em;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CopyFieldComponent {
  private readonly clipboard = inject(Clipboard);
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly buttonLabel = input('Copy link');
  protected readonly inputId = `parley-copy-field-${nextId++}`;
  protected readonly status = signal('');

  copy(): void {
    this.status.set(
      this.clipboard.copy(this.value())
        ? 'Copied to the clipboard.'
        : 'Could not copy automatically: select the text and copy it yourself.',
    );
  }
}
