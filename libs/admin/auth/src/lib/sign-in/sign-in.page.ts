import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { AuthService, errorMessage, safeReturnUrl } from '@parley/admin/data-access';
import { EMAIL_PATTERN, focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';

@Component({
  selector: 'parley-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    FormAlertComponent,
  ],
  templateUrl: './sign-in.page.html',
  styleUrl: '../auth-page.css',
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string | undefined>();
  readonly reason = input<string | undefined>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.pattern(EMAIL_PATTERN)]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = computed(() =>
    this.reason() === 'expired'
      ? 'Your session has ended. Sign in again to carry on where you were.'
      : null,
  );

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    const { email, password } = this.form.getRawValue();
    try {
      await this.auth.signIn(email, password);
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      this.error.set(errorMessage(error));
      this.form.controls.password.reset();
    } finally {
      this.busy.set(false);
    }
  }
}
