import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
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
import { MatRadioModule } from '@angular/material/radio';
import { ApiRole, errorMessage, GraphqlClient } from '@parley/admin/data-access';
import {
  applyServerError,
  CopyFieldComponent,
  EMAIL_PATTERN,
  focusFirstInvalid,
  FormAlertComponent,
} from '@parley/admin/ui';
import { firstValueFrom } from 'rxjs';
import { InviteDocument, type InvitationIssuedFieldsFragment } from './generated/graphql';

/** Invites a member of staff or a manager to the active practice. */
@Component({
  selector: 'parley-invite-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    DatePipe,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatButtonModule,
    CopyFieldComponent,
    FormAlertComponent,
  ],
  templateUrl: './invite-form.component.html',
  styleUrl: './people.css',
})
export class InviteFormComponent {
  private readonly client = inject(GraphqlClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);

  readonly practiceName = input.required<string>();
  readonly invited = output<InvitationIssuedFieldsFragment>();

  protected readonly roles = ApiRole;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    email: [
      '',
      [Validators.required, Validators.pattern(EMAIL_PATTERN), Validators.maxLength(254)],
    ],
    role: [
      ApiRole.PracticeStaff as ApiRole.PracticeStaff | ApiRole.PracticeManager,
      Validators.required,
    ],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly issued = signal<InvitationIssuedFieldsFragment | null>(null);

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    this.busy.set(true);
    const { name, email, role } = this.form.getRawValue();
    try {
      const { invite } = await firstValueFrom(
        this.client.request(InviteDocument, {
          input: { name: name.trim(), email: email.trim(), role },
        }),
      );
      this.issued.set(invite);
      // resetForm, not reset: it also clears the submitted state, so no errors show.
      this.formDirective().resetForm();
      this.invited.emit(invite);
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
