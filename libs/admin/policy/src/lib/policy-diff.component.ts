import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DiffOp, type PolicyDiffQuery } from './generated/graphql';

type Diff = PolicyDiffQuery['policyDiff'];

/**
 * A line diff of two versions' plain text. Added and removed lines are marked by a sign, by
 * <ins>/<del> with words for screen readers, and by colour; changed words are marked within a line.
 */
@Component({
  selector: 'parley-policy-diff',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="summary">
      From version {{ diff().fromVersionNumber }} to version {{ diff().toVersionNumber }}:
      {{ counts().added }} {{ counts().added === 1 ? 'line' : 'lines' }} added,
      {{ counts().removed }} removed.
      @if (counts().added + counts().removed === 0) {
        The wording is the same.
      }
    </p>
    <ol
      class="diff"
      [attr.aria-label]="
        'Changes from version ' + diff().fromVersionNumber + ' to version ' + diff().toVersionNumber
      "
    >
      @for (line of lines(); track $index) {
        <li
          class="line"
          [class.line--added]="line.op === ops.Added"
          [class.line--removed]="line.op === ops.Removed"
        >
          <span class="sign" aria-hidden="true">{{ line.sign }}</span>
          @switch (line.op) {
            @case (ops.Added) {
              <ins class="text"
                ><span class="visually-hidden">Added: </span>
                @for (part of line.parts; track $index) {
                  <span [class.word--added]="part.changed">{{ part.text }}</span>
                }
              </ins>
            }
            @case (ops.Removed) {
              <del class="text"
                ><span class="visually-hidden">Removed: </span>
                @for (part of line.parts; track $index) {
                  <span [class.word--removed]="part.changed">{{ part.text }}</span>
                }
              </del>
            }
            @default {
              <span class="text">{{ line.text }}</span>
            }
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .summary {
      margin: 0 0 8px;
    }
    .diff {
      list-style: none;
      margin: 0;
      padding: 8px 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-body-medium);
      overflow-x: auto;
    }
    .line {
      display: flex;
      gap: 8px;
      min-height: 1.5em;
      padding: 0 12px 0 0;
    }
    .sign {
      flex: none;
      width: 2ch;
      text-align: center;
      font-weight: 700;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .line--added {
      background: #e6f4ea;
      color: #0d3b1e;
    }
    .line--removed {
      background: #fde8e8;
      color: #5c1010;
    }
    ins,
    del {
      text-decoration: none;
    }
    .word--added {
      background: #a8dab5;
      color: inherit;
      text-decoration: underline;
    }
    .word--removed {
      background: #f4b6b6;
      color: inherit;
      text-decoration: line-through;
    }
  `,
})
export class PolicyDiffComponent {
  readonly diff = input.required<Diff>();
  protected readonly ops = DiffOp;
  protected readonly lines = computed(() =>
    this.diff().lines.map((line) => ({
      op: line.op,
      text: line.text,
      sign: line.op === DiffOp.Added ? '+' : line.op === DiffOp.Removed ? '−' : '',
      parts: line.words
        ? line.words.map((w) => ({ text: w.text, changed: w.op !== DiffOp.Equal }))
        : [{ text: line.text, changed: false }],
    })),
  );
  protected readonly counts = computed(() => ({
    added: this.diff().lines.filter((l) => l.op === DiffOp.Added).length,
    removed: this.diff().lines.filter((l) => l.op === DiffOp.Removed).length,
  }));
}
