import type { Routes } from '@angular/router';
import { OnboardingPage } from './onboarding.page';

export const ONBOARDING_ROUTES: Routes = [
  { path: '', title: 'Onboarding', component: OnboardingPage },
];
