import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IconComponent } from './icon.component';

/** The page of an area that is not built yet: says what it will do instead of hiding it. */
@Component({
  selector: 'parley-coming-soon-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, IconComponent],
  template: `
    <h1 class="page-title">{{ area().label }}</h1>
    <section class="coming-soon" aria-labelledby="coming-soon-heading">
      <parley-icon name="schedule" class="coming-soon__icon" />
      <div>
        <h2 id="coming-soon-heading">Coming soon</h2>
        <p>{{ area().description }}</p>
        <p>
          This part of Parley is still being built. Everything else keeps working in the meantime.
        </p>
        <a routerLink="/">Back to the home page</a>
      </div>
    </section>
  `,
  styles: `
    .coming-soon {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      max-width: 40rem;
      padding: 24px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container);
    }
    .coming-soon__icon {
      width: 40px;
      height: 40px;
      color: var(--mat-sys-primary);
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
  `,
})
export class ComingSoonPage {
  /** From the route's data (an AdminArea of data-access fits). */
  readonly area = input.required<{ label: string; description: string }>();
}
