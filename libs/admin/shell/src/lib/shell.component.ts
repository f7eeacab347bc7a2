import { BreakpointObserver } from '@angular/cdk/layout';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatListModule } from '@angular/material/list';
import { MatSelectModule } from '@angular/material/select';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import {
  AuthService,
  requiredPermissions,
  roleLabel,
  SessionStore,
  visibleAreas,
} from '@parley/admin/data-access';
import { IconComponent } from '@parley/admin/ui';
import { Permission, Role } from '@parley/shared/domain';
import { filter, map } from 'rxjs';
import { AlertsIndicatorComponent } from './alerts/alerts-indicator.component';

/**
 * The signed-in layout: a top bar (product, practice switcher, live alerts, person, sign out), a side
 * navigation with the areas the person's role allows, and the page.
 */
@Component({
  selector: 'parley-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    IconComponent,
    AlertsIndicatorComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
})
export class ShellComponent {
  private readonly session = inject(SessionStore);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly drawer = viewChild.required(MatSidenav);
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly user = this.session.user;
  protected readonly practices = this.session.practices;
  protected readonly activePracticeId = this.session.activePracticeId;
  protected readonly activePractice = this.session.activePractice;
  protected readonly areas = computed(() => visibleAreas((p) => this.session.can(p)));
  protected readonly canSeeAlerts = computed(() => this.session.can(Permission.AlertsRead));
  protected readonly roleInPractice = computed(() => {
    const roles = this.session.practiceRoles();
    return roles.length
      ? roleLabel(roles.includes(Role.PracticeManager) ? Role.PracticeManager : roles[0])
      : null;
  });
  /** Announced politely after a practice switch. */
  protected readonly announcement = signal('');
  protected readonly signingOut = signal(false);

  constructor() {
    // After each in-app navigation, move focus to the new page's heading so keyboard and
    // screen-reader users start there (not on the link they left behind). Not on first load.
    const initialLoad = !this.router.navigated;
    let first = true;
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => {
        const skip = first && initialLoad;
        first = false;
        if (skip) return;
        afterNextRender({ read: () => this.focusMain() }, { injector: this.injector });
      });
  }

  protected switchPractice(practiceId: string): void {
    if (!this.session.selectPractice(practiceId)) return;
    this.announcement.set(
      `Now working in ${this.session.activePractice()?.name ?? 'the chosen practice'}.`,
    );
    // Stay on the page if the person may still see it in this practice; else go home.
    const needed = requiredPermissions(this.router.routerState.snapshot.root);
    if (!needed.every((permission) => this.session.can(permission)))
      void this.router.navigateByUrl('/');
  }

  protected closeIfNarrow(): void {
    if (this.narrow()) void this.drawer().close();
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.focusMain();
  }

  protected async signOut(): Promise<void> {
    this.signingOut.set(true);
    await this.auth.signOut();
  }

  private focusMain(): void {
    const main = this.host.nativeElement.querySelector<HTMLElement>('main');
    const heading = main?.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target) return;
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }
}
