import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  ADMIN_AREAS,
  type AdminArea,
  errorMessage,
  GraphqlClient,
  roleLabel,
  SessionStore,
  visibleAreas,
} from '@parley/admin/data-access';
import { IconComponent } from '@parley/admin/ui';
import { Permission, Role } from '@parley/shared/domain';
import { catchError, map, of, switchMap } from 'rxjs';
import { OverdueFeedbackDocument, type OverdueFeedbackQuery } from './generated/graphql';

/** Areas that belong to a practice (the others get their own section on this page). */
const NOT_PRACTICE_AREAS = new Set<string>([
  ADMIN_AREAS.home.key,
  ADMIN_AREAS.insights.key,
  ADMIN_AREAS.onboarding.key,
]);

/** Where each person starts: what they can do, by role, in the active practice and beyond. */
@Component({
  selector: 'parley-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, IconComponent],
  templateUrl: './home.page.html',
  styleUrl: './home.page.css',
})
export class HomePage {
  private readonly session = inject(SessionStore);
  private readonly client = inject(GraphqlClient);

  protected readonly areas = ADMIN_AREAS;
  protected readonly user = this.session.user;
  protected readonly practice = this.session.activePractice;
  protected readonly auditedIcbs = this.session.auditedIcbs;
  protected readonly isPlatformAdmin = this.session.isPlatformAdmin;
  protected readonly firstName = computed(() => this.user()?.name.split(' ')[0] ?? '');

  protected readonly role = computed(() => {
    const roles = this.session.practiceRoles();
    if (roles.includes(Role.PracticeManager)) return roleLabel(Role.PracticeManager).toLowerCase();
    return roles.length ? roleLabel(roles[0]).toLowerCase() : null;
  });

  protected readonly practiceAreas = computed<AdminArea[]>(() =>
    visibleAreas((p) => this.session.can(p)).filter((a) => !NOT_PRACTICE_AREAS.has(a.key)),
  );

  protected readonly canSeeInsights = computed(() =>
    this.session.can(ADMIN_AREAS.insights.permission),
  );
  protected readonly hasNothing = computed(
    () => !this.practice() && this.auditedIcbs().length === 0 && !this.isPlatformAdmin(),
  );

  /** Complaints whose statutory steps are overdue (or, for delay letters, due soon) in the practice. */
  protected readonly showOverdue = computed(
    () => !!this.practice() && this.session.can(Permission.FeedbackRead),
  );
  protected readonly overdue = signal<OverdueFeedbackQuery['overdueFeedback'] | null>(null);
  protected readonly overdueError = signal<string | null>(null);
  private readonly overdueReloads = signal(0);

  constructor() {
    toObservable(
      computed(() => ({
        show: this.showOverdue(),
        practiceId: this.session.activePracticeId(),
        n: this.overdueReloads(),
      })),
    )
      .pipe(
        switchMap(({ show }) => {
          this.overdue.set(null);
          if (!show) return of(null);
          return this.client.request(OverdueFeedbackDocument, {}).pipe(
            map((r) => ({ overdue: r.overdueFeedback })),
            catchError((error: unknown) => of({ error: errorMessage(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.overdueError.set(result && 'error' in result ? result.error : null);
        this.overdue.set(result && 'overdue' in result ? result.overdue : null);
      });
  }

  protected reloadOverdue(): void {
    this.overdueReloads.update((n) => n + 1);
  }

  protected itemLink(id: string): string[] {
    return [ADMIN_AREAS.feedback.path, id];
  }
}
