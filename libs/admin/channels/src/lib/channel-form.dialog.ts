import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { applyServerError, focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { firstValueFrom } from 'rxjs';
import {
  type ChannelFieldsFragment,
  ChannelKind,
  CreateChannelDocument,
  UpdateChannelDocument,
} from './generated/graphql';
import { CHANNEL_KIND_OPTIONS, kindOption } from './channel-kinds';

export interface ChannelFormData {
  /** The channel to edit; null to add one. */
  channel: ChannelFieldsFragment | null;
}

/** Adds or edits a channel, and closes with the saved channel. Errors stay in the dialog. */
@Component({
  selector: 'parley-channel-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatCheckboxModule,
    FormAlertComponent,
  ],
  templateUrl: './channel-form.dialog.html',
  styleUrl: './channels.css',
})
export class ChannelFormDialog {
  private readonly client = inject(GraphqlClient);
  private readonly ref =
    inject<MatDialogRef<ChannelFormDialog, ChannelFieldsFragment>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly channel = inject<ChannelFormData>(MAT_DIALOG_DATA).channel;

  protected readonly kinds = CHANNEL_KIND_OPTIONS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: [this.channel?.kind ?? ChannelKind.LetterBox, Validators.required],
    label: [this.channel?.label ?? '', [Validators.required, Validators.maxLength(100)]],
    policyText: [this.channel?.policyText ?? '', [Validators.required, Validators.maxLength(4000)]],
    instructions: [this.channel?.instructions ?? '', Validators.maxLength(1000)],
    address: [this.channel?.address ?? ''],
    enabled: [this.channel?.enabled ?? true],
    showInPolicy: [this.channel?.showInPolicy ?? true],
  });
  private readonly kind = toSignal(this.form.controls.kind.valueChanges, {
    initialValue: this.form.controls.kind.value,
  });
  protected readonly address = computed(() => kindOption(this.kind()).address);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.applyAddressRules();
    this.form.controls.kind.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.applyAddressRules());
  }

  /** The address field's checks follow the kind; an online form has no address. */
  private applyAddressRules(): void {
    const control = this.form.controls.address;
    const rules = kindOption(this.form.controls.kind.value).address;
    if (!rules) {
      control.setValue('');
      control.disable();
      return;
    }
    control.enable();
    control.setValidators(
      rules.required ? [Validators.required, ...rules.validators] : rules.validators,
    );
    control.updateValueAndValidity();
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const value = this.form.getRawValue();
    const input = {
      kind: value.kind,
      label: value.label.trim(),
      policyText: value.policyText.trim(),
      instructions: value.instructions.trim() || null,
      address: value.address.trim() || null,
      enabled: value.enabled,
      showInPolicy: value.showInPolicy,
    };
    this.busy.set(true);
    try {
      const saved = this.channel
        ? (
            await firstValueFrom(
              this.client.request(UpdateChannelDocument, { id: this.channel.id, input }),
            )
          ).updateChannel
        : (await firstValueFrom(this.client.request(CreateChannelDocument, { input })))
            .createChannel;
      this.ref.close(saved);
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
