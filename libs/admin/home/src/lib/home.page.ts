import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ADMIN_AREAS, type AdminArea, roleLabel, SessionStore, visibleAreas } from '@parley/admin/data-access';
import { IconComponent } from '@parley/admin/ui';
import { Role } from '@parley/shared/domain';

/** Areas that belong to a practice (the others get their own section on this page). */
const NOT_PRACTICE_AREAS = new Set<string>([ADMIN_AREAS.home.key, ADMIN_AREAS.insights.key, ADMIN_AREAS.onboarding.key]);

/** Where each person starts: what they can do, by role, in the active practice and beyond. */
@Component({
  selector: 'parley-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, IconComponent],
  templateUrl: './home.page.html',
  styleUrl: './home.page.css',
})
export class HomePage {
  private readonly session = inject(SessionStore);

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

  protected readonly canSeeInsights = computed(() => this.session.can(ADMIN_AREAS.insights.permission));
  protected readonly hasNothing = computed(
    () => !this.practice() && this.auditedIcbs().length === 0 && !this.isPlatformAdmin(),
  );
}
