import type { Routes } from '@angular/router';
import { AcceptInvitationPage } from './accept-invitation/accept-invitation.page';
import { SignInPage } from './sign-in/sign-in.page';

export const SIGN_IN_ROUTES: Routes = [{ path: '', title: 'Sign in', component: SignInPage }];

/** Mounted at `invitations/:token`. */
export const INVITATION_ROUTES: Routes = [
  { path: '', title: 'Accept your invitation', component: AcceptInvitationPage },
];
