import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import {
  applyServerError,
  CopyFieldComponent,
  EMAIL_PATTERN,
  focusFirstInvalid,
  FormAlertComponent,
} from '@parley/admin/ui';
import { firstValueFrom } from 'rxjs';
import {
  type InvitationIssuedFieldsFragment,
  InvitePracticeManagerDocument,
  type PracticesQuery,
} from './generated/graphql';

/** Invites a practice's first (or another) manager. */
@Component({
  selector: 'parley-manager-invite-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    DatePipe,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    CopyFieldComponent,
    FormAlertComponent,
  ],
  template: `
    <parley-form-alert [message]="error()" />
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form">
      <div class="form__row">
        <mat-form-field appearance="outline">
          <mat-label>Practice</mat-label>
          <mat-select formControlName="practiceId" required>
            @for (practice of practices(); track practice.id) {
              <mat-option [value]="practice.id">{{ practice.name }}</mat-option>
            }
          </mat-select>
          @if (form.controls.practiceId.hasError('required')) {
            <mat-error>Choose the practice.</mat-error>
          }
        </mat-form-field>
      </div>
      <div class="form__row">
        <mat-form-field appearance="outline">
          <mat-label>Manager's name</mat-label>
          <input matInput formControlName="name" autocomplete="off" required />
          @if (form.controls.name.hasError('required')) {
            <mat-error>Enter the manager's name.</mat-error>
          } @else if (form.controls.name.hasError('server')) {
            <mat-error>{{ form.controls.name.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Manager's email address</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" required />
          @if (form.controls.email.hasError('required')) {
            <mat-error>Enter the manager's email address.</mat-error>
          } @else if (form.controls.email.hasError('pattern')) {
            <mat-error>Enter an email address like name&#64;example.nhs.uk.</mat-error>
          } @else if (form.controls.email.hasError('server')) {
            <mat-error>{{ form.controls.email.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </div>
      <button mat-flat-button type="submit" [disabled]="busy()">
        {{ busy() ? 'Sending…' : 'Invite manager' }}
      </button>
    </form>

    <div role="status" class="invite-result">
      @if (issued(); as issued) {
        <p class="notice">
          @if (issued.emailed) {
            We emailed an invitation to {{ issued.invitation.email }}.
          } @else {
            The invitation for {{ issued.invitation.name }} is ready. Email is not set up, so send
            them this link yourself.
          }
          It works once, until {{ issued.invitation.expiresAt | date: 'd MMMM y, HH:mm' }}.
        </p>
      }
    </div>
    @if (issued()?.acceptUrl; as url) {
      <parley-copy-field label="Invitation link" [value]="url" />
    }
  `,
  styleUrl: './onboarding.css',
})
export class ManagerInviteFormComponent {
  private readonly client = inject(GraphqlClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  readonly practices = input.required<PracticesQuery['practices']>();
  /** A practice to choose for the person, e.g. the one just created. */
  readonly suggestedPracticeId = input<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    practiceId: ['', Validators.required],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    email: [
      '',
      [Validators.required, Validators.pattern(EMAIL_PATTERN), Validators.maxLength(254)],
    ],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly issued = signal<InvitationIssuedFieldsFragment | null>(null);

  constructor() {
    effect(() => {
      const suggested = this.suggestedPracticeId();
      if (suggested) this.form.controls.practiceId.setValue(suggested);
    });
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
    const { practiceId, name, email } = this.form.getRawValue();
    try {
      const { invitePracticeManager } = await firstValueFrom(
        this.client.request(InvitePracticeManagerDocument, {
          practiceId,
          name: name.trim(),
          email: email.trim(),
        }),
      );
      this.issued.set(invitePracticeManager);
      // resetForm, not reset: it also clears the submitted state, so no errors show.
      this.formDirective().resetForm();
    } catch (error) {
      const placed =
        error instanceof Error &&
        applyServerError(this.form, error as { fieldName?: string; message: string });
      if (placed) focusFirstInvalid(this.host.nativeElement);
      else this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
