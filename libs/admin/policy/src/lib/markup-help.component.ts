import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** What the inline markup of policy wording does, with the practice's own values. */
@Component({
  selector: 'parley-markup-help',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="help">
      <summary>Formatting and template fields</summary>
      <p>
        Wording is plain text: HTML is shown as typed, never run. These are the only formatting
        marks:
      </p>
      <table class="help__table">
        <caption class="visually-hidden">
          Formatting marks and what they show
        </caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">To show</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.code) {
            <tr>
              <td>
                <code>{{ row.code }}</code>
              </td>
              <td>{{ row.shows }}</td>
            </tr>
          }
        </tbody>
      </table>
      <p>Links may only be web (http or https), email (mailto:) or phone (tel:) addresses.</p>
    </details>
  `,
  styles: `
    .help {
      margin: 0 0 16px;
      padding: 8px 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
    }
    summary {
      cursor: pointer;
      font: var(--mat-sys-title-small);
      padding: 4px 0;
    }
    .help__table {
      border-collapse: collapse;
      margin: 8px 0;
    }
    .help__table th,
    .help__table td {
      text-align: start;
      padding: 4px 16px 4px 0;
      vertical-align: top;
    }
    code {
      font-size: 0.95em;
    }
  `,
})
export class MarkupHelpComponent {
  readonly practiceName = input.required<string>();

  protected rows() {
    return [
      { code: '*emphasis*', shows: 'emphasis (italic)' },
      { code: '**strong**', shows: 'strong (bold)' },
      { code: '[our website](https://example.nhs.uk)', shows: 'a link labelled “our website”' },
      { code: '{{practiceName}}', shows: this.practiceName() },
      { code: '{{effectiveDate}}', shows: 'the effective date, e.g. 1 April 2025' },
      { code: '{{effectiveMonthYear}}', shows: 'its month and year, e.g. April 2025' },
    ];
  }
}
