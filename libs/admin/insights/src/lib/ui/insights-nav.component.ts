import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, map } from 'rxjs';

const PAGES = [
  { path: '/insights', label: 'Trends' },
  { path: '/insights/ko41b', label: 'KO41(b) return' },
  { path: '/insights/policies', label: 'Policies' },
] as const;

/** The insights pages; the address's filters (ICB, period, range, year) go along. */
@Component({
  selector: 'parley-insights-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <nav aria-label="Insights pages">
      <ul>
        @for (page of pages; track page.path) {
          <li>
            <a
              [routerLink]="page.path"
              queryParamsHandling="preserve"
              [class.current]="page.path === current()"
              [attr.aria-current]="page.path === current() ? 'page' : null"
              >{{ page.label }}</a
            >
          </li>
        }
      </ul>
    </nav>
  `,
  styles: `
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    a {
      display: inline-block;
      padding: 10px 16px;
      font: var(--mat-sys-title-small);
      text-decoration: none;
      border-bottom: 3px solid transparent;
    }
    a:hover {
      text-decoration: underline;
    }
    a.current {
      border-bottom-color: var(--mat-sys-primary);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class InsightsNavComponent {
  private readonly router = inject(Router);
  protected readonly pages = PAGES;
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e) => e instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );
  /** A practice's drill-down belongs to Trends. */
  protected readonly current = computed(() => {
    const path = this.url().split(/[?#]/)[0] ?? '';
    return (
      PAGES.find((p) => p.path !== '/insights' && path.startsWith(p.path))?.path ?? '/insights'
    );
  });
}
