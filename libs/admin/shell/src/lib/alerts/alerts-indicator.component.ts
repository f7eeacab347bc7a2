import { ChangeDetectionStrategy, Component, inject, linkedSignal } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { IconComponent } from '@parley/admin/ui';
import { LiveAlerts } from './live-alerts';

const openAlerts = (count: number) => `${count} open ${count === 1 ? 'alert' : 'alerts'}`;

/**
 * The top bar's alerts link: how many alerts are open, updated live, and the page that lists
 * them. Its name reads "Alerts 3 open"; a live region says when one arrives.
 */
@Component({
  selector: 'parley-alerts-indicator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive, IconComponent],
  template: `
    <a
      class="alerts-link"
      routerLink="/alerts"
      routerLinkActive="alerts-link--active"
      ariaCurrentWhenActive="page"
    >
      <parley-icon name="alerts" />
      <span class="alerts-link__text">Alerts</span>
      @if (openCount(); as count) {
        &ngsp;<span class="alerts-link__count">{{ count }}</span
        ><span class="visually-hidden">&ngsp;open</span>
      } @else if (openCount() === 0) {
        <span class="visually-hidden">&ngsp;0 open</span>
      }
    </a>
    <span class="visually-hidden" aria-live="polite" aria-atomic="true">{{ announcement() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
    }
    .alerts-link {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      min-height: 40px;
      padding: 0 12px;
      border-radius: var(--mat-sys-corner-full);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      text-decoration: none;
    }
    .alerts-link:hover,
    .alerts-link--active {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .alerts-link:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .alerts-link__count {
      min-width: 1.5rem;
      padding: 0 6px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-medium);
      line-height: 1.5rem;
      text-align: center;
    }
    /* Icon and count only on small screens; the word stays in the link's name. */
    @media (max-width: 599.98px) {
      .alerts-link__text {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0, 0, 0, 0);
        white-space: nowrap;
      }
    }
  `,
})
export class AlertsIndicatorComponent {
  private readonly alerts = inject(LiveAlerts);

  protected readonly openCount = this.alerts.openCount;
  /** Announced: the open count, led by the new alert's subject when one has just arrived. */
  protected readonly announcement = linkedSignal({
    source: () => ({ count: this.alerts.openCount(), latest: this.alerts.latest() }),
    computation: ({ count, latest }, previous): string => {
      if (count === null) return '';
      const arrived = latest !== null && latest !== previous?.source.latest;
      return arrived
        ? `New alert: ${latest.subject} ${openAlerts(count)}.`
        : `${openAlerts(count)}.`;
    },
  });
}
