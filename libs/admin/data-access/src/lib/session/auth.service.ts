import { inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { GraphqlClient } from '../graphql/graphql-client';
import {
  AcceptInvitationDocument,
  type AcceptInvitationInput,
  LoginDocument,
  LogoutDocument,
  MeDocument,
} from '../generated/graphql';
import { SessionStore } from './session.store';

/** Signing in and out. Pages call this; the session itself lives in SessionStore. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  async signIn(email: string, password: string): Promise<void> {
    const { login } = await firstValueFrom(
      this.client.request(LoginDocument, { email: email.trim(), password }, { anonymous: true }),
    );
    this.session.start(login);
  }

  /** Accepting an invitation signs the invited person in. */
  async acceptInvitation(input: AcceptInvitationInput): Promise<void> {
    const { acceptInvitation } = await firstValueFrom(
      this.client.request(AcceptInvitationDocument, { input }, { anonymous: true }),
    );
    this.session.start(acceptInvitation);
  }

  /** Ends the sign-in on the server (best effort) and here, then shows the sign-in page. */
  async signOut(): Promise<void> {
    const refreshToken = this.session.refreshToken();
    this.session.clear();
    await this.router.navigateByUrl('/sign-in');
    if (refreshToken) {
      try {
        await firstValueFrom(
          this.client.request(LogoutDocument, { refreshToken }, { anonymous: true }),
        );
      } catch {
        // the tokens are gone from this browser either way; the refresh token expires by itself
      }
    }
  }

  /** Fetches `me` again so memberships changed elsewhere show up. */
  async reloadMe(): Promise<void> {
    if (!this.session.signedIn()) return;
    const { me } = await firstValueFrom(this.client.request(MeDocument, {}));
    this.session.updateUser(me);
  }
}
