import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
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
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import {
  applyServerError,
  focusFirstInvalid,
  FormAlertComponent,
  SLUG_PATTERN,
  slugify,
} from '@parley/admin/ui';
import { firstValueFrom } from 'rxjs';
import { CreateIcbDocument, type CreateIcbMutation } from './generated/graphql';

@Component({
  selector: 'parley-icb-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    FormAlertComponent,
  ],
  template: `
    <parley-form-alert [message]="error()" />
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="form">
      <div class="form__row">
        <mat-form-field appearance="outline">
          <mat-label>ICB name</mat-label>
          <input matInput formControlName="name" autocomplete="off" required />
          @if (form.controls.name.hasError('required')) {
            <mat-error>Enter the ICB's name.</mat-error>
          } @else if (form.controls.name.hasError('minlength')) {
            <mat-error>Use at least 3 characters.</mat-error>
          } @else if (form.controls.name.hasError('server')) {
            <mat-error>{{ form.controls.name.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Slug</mat-label>
          <input matInput formControlName="slug" autocomplete="off" required />
          <mat-hint>Used in links, e.g. cheshire-and-merseyside</mat-hint>
          @if (form.controls.slug.hasError('required')) {
            <mat-error>Enter a slug.</mat-error>
          } @else if (form.controls.slug.hasError('pattern')) {
            <mat-error>Use lowercase letters, digits and single hyphens.</mat-error>
          } @else if (form.controls.slug.hasError('server')) {
            <mat-error>{{ form.controls.slug.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </div>
      <button mat-flat-button type="submit" [disabled]="busy()">
        {{ busy() ? 'Adding…' : 'Add ICB' }}
      </button>
    </form>
  `,
  styleUrl: './onboarding.css',
})
export class IcbFormComponent {
  private readonly client = inject(GraphqlClient);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  readonly created = output<CreateIcbMutation['createIcb']>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    slug: ['', [Validators.required, Validators.pattern(SLUG_PATTERN), Validators.maxLength(80)]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // Suggest the slug from the name until someone edits the slug.
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
    const { name, slug } = this.form.getRawValue();
    try {
      const { createIcb } = await firstValueFrom(
        this.client.request(CreateIcbDocument, { input: { name: name.trim(), slug } }),
      );
      // resetForm, not reset: it also clears the submitted state, so no errors show.
      this.formDirective().resetForm();
      this.created.emit(createIcb);
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
