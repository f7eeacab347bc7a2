import type { Routes } from '@angular/router';
import { PolicyPage } from './policy.page';

export const POLICY_ROUTES: Routes = [
  {
    path: '',
    title: 'Policy',
    component: PolicyPage,
    canDeactivate: [(page: PolicyPage) => page.canLeave()],
  },
];
