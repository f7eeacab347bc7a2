import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NOT_SHOWN, type Shown } from '../model/format';

/** One figure: the API's number, or its suppression marker styled and explained. */
@Component({
  selector: 'parley-insights-figure',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The marker is for the eye (with a tooltip); assistive technology hears "not shown".
  template: `@if (shown().hidden) {
      @if (isMarker()) {
        <span class="withheld" title="Not shown, to protect privacy" aria-hidden="true">{{
          shown().text
        }}</span>
        <span class="visually-hidden">not shown</span>
      } @else {
        <span class="withheld">{{ shown().text }}</span>
      }
    } @else {
      {{ shown().text }}
    }`,
  styles: `
    .withheld {
      color: var(--mat-sys-on-surface-variant);
      font-style: italic;
      text-decoration: underline dotted;
      text-underline-offset: 3px;
      cursor: help;
    }
  `,
})
export class FigureComponent {
  readonly shown = input.required<Shown>();
  protected readonly isMarker = computed(() => this.shown().text !== NOT_SHOWN);
}
