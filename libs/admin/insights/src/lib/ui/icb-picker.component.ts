import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';

/** Which ICB to review, for people who review more than one (platform admins). */
@Component({
  selector: 'parley-insights-icb-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>ICB</mat-label>
      <mat-select [value]="selectedId()" (selectionChange)="choose($event.value)">
        @for (icb of icbs(); track icb.id) {
          <mat-option [value]="icb.id">{{ icb.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: min(100%, 28rem);
    }
  `,
})
export class IcbPickerComponent {
  private readonly router = inject(Router);
  readonly icbs = input.required<readonly { id: string; name: string }[]>();
  readonly selectedId = input.required<string | null>();

  /** Another ICB, on the same page; a practice of the old ICB means nothing in the new one. */
  protected choose(icbId: string): void {
    const current = this.router.parseUrl(this.router.url);
    const path = this.router.url.split(/[?#]/)[0] ?? '/insights';
    const { practice: _practice, ...kept } = current.queryParams;
    void this.router.navigate([path.includes('/practices/') ? '/insights' : path], {
      queryParams: { ...kept, icb: icbId },
    });
  }
}
