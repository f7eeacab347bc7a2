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
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
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
  focusFirstInvalid,
  FormAlertComponent,
  SLUG_PATTERN,
  slugify,
} from '@parley/admin/ui';
import { firstValueFrom } from 'rxjs';
import {
  CreatePracticeDocument,
  type CreatePracticeMutation,
  type IcbsQuery,
} from './generated/graphql';

const ODS_CODE = /^[A-Za-z0-9]{3,10}$/;

@Component({
  selector: 'parley-practice-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    FormAlertComponent,
  ],
  templateUrl: './practice-form.component.html',
  styleUrl: './onboarding.css',
})
export class PracticeFormComponent {
  private readonly client = inject(GraphqlClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  readonly icbs = input.required<IcbsQuery['icbs']>();
  readonly created = output<CreatePracticeMutation['createPractice']>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    slug: ['', [Validators.required, Validators.pattern(SLUG_PATTERN), Validators.maxLength(80)]],
    icbId: ['', Validators.required],
    listSize: [
      null as number | null,
      [Validators.required, Validators.min(1), Validators.max(1_000_000)],
    ],
    odsCode: ['', Validators.pattern(ODS_CODE)],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.form.controls.name.valueChanges.pipe(takeUntilDestroyed()).subscribe((name) => {
      if (!this.form.controls.slug.dirty) this.form.controls.slug.setValue(slugify(name));
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
    const { name, slug, icbId, listSize, odsCode } = this.form.getRawValue();
    try {
      const { createPractice } = await firstValueFrom(
        this.client.request(CreatePracticeDocument, {
          input: {
            name: name.trim(),
            slug,
            icbId,
            listSize: Math.round(Number(listSize)),
            odsCode: odsCode.trim() ? odsCode.trim().toUpperCase() : null,
          },
        }),
      );
      // resetForm, not reset: it also clears the submitted state, so no errors show.
      this.formDirective().resetForm();
      this.created.emit(createPractice);
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
