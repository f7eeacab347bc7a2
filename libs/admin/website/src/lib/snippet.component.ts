import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { IconComponent } from '@parley/admin/ui';

let nextId = 0;

/**
 * A snippet to paste into a website, shown read-only with a copy button. The result of copying
 * is said in a live region, so screen-reader users hear it too.
 */
@Component({
  selector: 'parley-snippet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent],
  template: `
    <label class="snippet__label" [for]="id">{{ label() }}</label>
    <textarea
      class="snippet__code"
      [id]="id"
      readonly
      spellcheck="false"
      [rows]="rows()"
      [value]="value()"
      (focus)="code.select()"
      #code
    ></textarea>
    <div class="snippet__actions">
      <button mat-stroked-button type="button" (click)="copy()" [attr.aria-describedby]="id">
        <parley-icon name="copy" />
        {{ buttonLabel() }}
      </button>
      <span class="snippet__status" role="status" aria-live="polite">{{ status() }}</span>
    </div>
  `,
  styles: `
    :host {
      display: block;
      margin: 0 0 16px;
    }
    .snippet__label {
      display: block;
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .snippet__code {
      box-sizing: border-box;
      display: block;
      width: 100%;
      max-width: 56rem;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
      font:
        0.9rem/1.5 ui-monospace,
        SFMono-Regular,
        Menlo,
        Consolas,
        monospace;
      resize: vertical;
    }
    .snippet__actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      margin-top: 8px;
    }
    .snippet__status {
      min-height: 1.25em;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SnippetComponent {
  private readonly clipboard = inject(Clipboard);
  private readonly navigator = inject(DOCUMENT).defaultView?.navigator;

  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly rows = input(3);
  readonly buttonLabel = input('Copy');

  protected readonly id = `parley-snippet-${nextId++}`;
  protected readonly status = signal('');

  /** The Clipboard API where the browser allows it, else the older copy command. */
  async copy(): Promise<void> {
    this.status.set('');
    const text = this.value();
    let copied = false;
    try {
      if (this.navigator?.clipboard?.writeText) {
        await this.navigator.clipboard.writeText(text);
        copied = true;
      }
    } catch {
      // refused (permissions, insecure context): try the fallback
    }
    if (!copied) copied = this.clipboard.copy(text);
    this.status.set(
      copied
        ? 'Copied to the clipboard.'
        : 'Could not copy automatically: select the text and copy it yourself.',
    );
  }
}
