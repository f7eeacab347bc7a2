import { provideHttpClient, withFetch } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  provideRouter,
  TitleStrategy,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { AuthService } from '@parley/admin/data-access';
import { APP_ROUTES } from './app.routes';
import { ParleyTitleStrategy } from './title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      APP_ROUTES,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
    ),
    provideHttpClient(withFetch()),
    { provide: TitleStrategy, useClass: ParleyTitleStrategy },
    // A session restored from this tab's storage may carry stale memberships: refresh them in
    // the background (the page does not wait; the navigation updates when they arrive).
    provideAppInitializer(() => {
      inject(AuthService)
        .reloadMe()
        .catch(() => undefined);
    }),
  ],
};
