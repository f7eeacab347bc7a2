import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { AuthService, errorMessage, GraphqlClient, roleLabel } from '@parley/admin/data-access';
import { applyServerError, focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { firstValueFrom } from 'rxjs';
import { type InvitationPreviewQuery, InvitationPreviewDocument } from '../generated/graphql';

export const MIN_PASSWORD_LENGTH = 12;

type Preview = NonNullable<InvitationPreviewQuery['invitation']>;

function matchesPassword(control: AbstractControl): ValidationErrors | null {
  const password = control.parent?.get('password')?.value as string | undefined;
  return control.value && password !== undefined && control.value !== password
    ? { mismatch: true }
    : null;
}

/** The page an invitation link opens: set a name and password, and you are in. */
@Component({
  selector: 'parley-accept-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    FormAlertComponent,
  ],
  templateUrl: './accept-invitation.page.html',
  styleUrl: '../auth-page.css',
})
export class AcceptInvitationPage implements OnInit {
  private readonly client = inject(GraphqlClient);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** From the URL, bound by the router. */
  readonly token = input.required<string>();

  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly state = signal<'loading' | 'invalid' | 'ready' | 'failed'>('loading');
  protected readonly preview = signal<Preview | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly roleLabel = roleLabel;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    password: [
      '',
      [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(200)],
    ],
    confirm: ['', [Validators.required, matchesPassword]],
  });

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.confirm.updateValueAndValidity({ emitEvent: false }));
  }

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.state.set('loading');
    try {
      const { invitation } = await firstValueFrom(
        this.client.request(
          InvitationPreviewDocument,
          { token: this.token() },
          { anonymous: true },
        ),
      );
      this.preview.set(invitation);
      if (invitation) this.form.controls.name.setValue(invitation.name);
      this.state.set(invitation ? 'ready' : 'invalid');
    } catch (error) {
      this.error.set(errorMessage(error));
      this.state.set('failed');
    }
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    const { name, password } = this.form.getRawValue();
    try {
      await this.auth.acceptInvitation({ token: this.token(), password, name: name.trim() });
      await this.router.navigateByUrl('/');
    } catch (error) {
      const known =
        error instanceof Error &&
        applyServerError(this.form, error as { fieldName?: string; message: string });
      if (!known) this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
