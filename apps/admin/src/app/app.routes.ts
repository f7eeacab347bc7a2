import type { Route, Routes } from '@angular/router';
import {
  ADMIN_AREAS,
  type AdminArea,
  permissionGuard,
  signedInGuard,
  signedOutGuard,
} from '@parley/admin/data-access';
import { Permission } from '@parley/shared/domain';

/** An area with its own feature library, guarded by the area's permission. */
function feature(area: AdminArea, loadChildren: Route['loadChildren']): Route {
  return {
    path: area.path.slice(1),
    canActivate: [permissionGuard],
    data: { permission: area.permission },
    loadChildren,
  };
}

export const APP_ROUTES: Routes = [
  {
    path: 'sign-in',
    canActivate: [signedOutGuard],
    loadChildren: () => import('@parley/admin/auth').then((m) => m.SIGN_IN_ROUTES),
  },
  {
    path: 'invitations/:token',
    loadChildren: () => import('@parley/admin/auth').then((m) => m.INVITATION_ROUTES),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    loadComponent: () => import('@parley/admin/shell').then((m) => m.ShellComponent),
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadChildren: () => import('@parley/admin/home').then((m) => m.HOME_ROUTES),
      },
      feature(ADMIN_AREAS.policy, () =>
        import('@parley/admin/policy').then((m) => m.POLICY_ROUTES),
      ),
      feature(ADMIN_AREAS.channels, () =>
        import('@parley/admin/channels').then((m) => m.CHANNELS_ROUTES),
      ),
      feature(ADMIN_AREAS.feedback, () =>
        import('@parley/admin/feedback').then((m) => m.FEEDBACK_ROUTES),
      ),
      feature(ADMIN_AREAS.incidents, () =>
        import('@parley/admin/incidents').then((m) => m.INCIDENTS_ROUTES),
      ),
      feature(ADMIN_AREAS.escalation, () =>
        import('@parley/admin/escalation').then((m) => m.ESCALATION_ROUTES),
      ),
      feature(ADMIN_AREAS.retention, () =>
        import('@parley/admin/retention').then((m) => m.RETENTION_ROUTES),
      ),
      feature(ADMIN_AREAS.insights, () =>
        import('@parley/admin/insights').then((m) => m.INSIGHTS_ROUTES),
      ),
      feature(ADMIN_AREAS.people, () =>
        import('@parley/admin/people').then((m) => m.PEOPLE_ROUTES),
      ),
      feature(ADMIN_AREAS.embed, () =>
        import('@parley/admin/website').then((m) => m.WEBSITE_ROUTES),
      ),
      feature(ADMIN_AREAS.onboarding, () =>
        import('@parley/admin/onboarding').then((m) => m.ONBOARDING_ROUTES),
      ),
      // Not an area of the navigation: the top bar's alerts link leads here.
      {
        path: 'alerts',
        canActivate: [permissionGuard],
        data: { permission: Permission.AlertsRead },
        loadChildren: () => import('@parley/admin/alerts').then((m) => m.ALERTS_ROUTES),
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('@parley/admin/ui').then((m) => m.NotFoundPage),
      },
    ],
  },
];
