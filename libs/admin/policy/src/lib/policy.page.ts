import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ApiError, errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { ConfirmService, focusFirstInvalid, FormAlertComponent } from '@parley/admin/ui';
import { Permission } from '@parley/shared/domain';
import { catchError, firstValueFrom, map, of, switchMap } from 'rxjs';
import {
  DiscardDraftDocument,
  PolicyEditorDocument,
  type PolicyEditorQuery,
  type PolicyVersionFieldsFragment,
  type PolicyVersionSummaryFragment,
  PublishDraftDocument,
  SaveDraftDocument,
  StartDraftFromDocument,
} from './generated/graphql';
import { livePolicy } from './live-policy';
import { PolicyEditorComponent } from './policy-editor.component';
import {
  blockTypeInfo,
  fillForm,
  placeServerError,
  policyForm,
  STARTER_DOCUMENT,
  toDocument,
  toDocumentInput,
} from './policy-form';
import { PolicyHistoryComponent } from './policy-history.component';
import { PolicyWarningsComponent } from './policy-warnings.component';
import { PublishedVersionComponent } from './published-version.component';

type Loaded = PolicyEditorQuery;

/**
 * The practice's policy: the published version, the draft (managers edit it with a live preview
 * and the policy check, save, discard and publish it), and the history with diffs. Staff read.
 */
@Component({
  selector: 'parley-policy-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatButtonModule,
    FormAlertComponent,
    PolicyEditorComponent,
    PolicyHistoryComponent,
    PolicyWarningsComponent,
    PublishedVersionComponent,
  ],
  templateUrl: './policy.page.html',
  styleUrl: './policy.page.css',
})
export class PolicyPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly confirmService = inject(ConfirmService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly canEdit = computed(() => this.session.can(Permission.PolicyEdit));
  protected readonly canPublish = computed(() => this.session.can(Permission.PolicyPublish));
  protected readonly practiceName = computed(
    () => this.session.activePractice()?.name ?? 'this practice',
  );
  protected readonly publicUrl = computed(
    () => `/p/${encodeURIComponent(this.session.activePractice()?.slug ?? '')}`,
  );

  protected readonly data = signal<Loaded | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly busy = signal<'save' | 'publish' | 'discard' | 'start' | null>(null);

  protected readonly form = policyForm();
  /** Bumped on every change to the form, so computed values follow it. */
  private readonly revision = signal(0);
  protected readonly dirty = computed(() => (this.revision(), this.form.dirty));
  protected readonly blockNames = computed(() => {
    this.revision();
    return this.form.controls.blocks.controls.map((b) => blockTypeInfo(b.controls.type.value).name);
  });
  protected readonly live = computed(() => {
    this.revision();
    const data = this.data();
    if (!data || !this.canEdit()) return null;
    return livePolicy(
      toDocument(this.form),
      this.form.controls.effectiveDate.value,
      this.practiceName(),
      data.channels,
      data.policyEscalationSteps,
    );
  });
  protected readonly draft = computed(() => this.data()?.policyDraft ?? null);
  protected readonly canPublishNow = computed(() => !!this.draft() || this.dirty());
  private readonly reloads = signal(0);

  constructor() {
    this.form.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.revision.update((n) => n + 1));
    toObservable(
      computed(() => ({ practiceId: this.session.activePracticeId(), n: this.reloads() })),
    )
      .pipe(
        switchMap(() => {
          this.loading.set(true);
          return this.client.request(PolicyEditorDocument, {}).pipe(
            map((data) => ({ data })),
            catchError((error: unknown) => of({ error: errorMessage(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('error' in result) {
          this.loadError.set(result.error);
          return;
        }
        this.loadError.set(null);
        this.data.set(result.data);
        this.resetForm();
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  /** Whether leaving the page may lose work: asks first. */
  async canLeave(): Promise<boolean> {
    if (!this.canEdit() || !this.dirty()) return true;
    return this.confirmService.confirm({
      title: 'Leave without saving?',
      message: 'Your changes to the policy have not been saved.',
      confirmLabel: 'Leave without saving',
      cancelLabel: 'Stay on this page',
    });
  }

  /** The editor starts from the draft, else the published version, else a starter policy. */
  private resetForm(): void {
    const data = this.data();
    const source = data?.policyDraft ?? data?.currentPolicy ?? null;
    if (source) fillForm(this.form, source.document, source.effectiveDate);
    else fillForm(this.form, STARTER_DOCUMENT, today());
    this.revision.update((n) => n + 1);
  }

  protected async saveDraft(): Promise<void> {
    if (this.busy()) return;
    this.actionError.set(null);
    this.busy.set('save');
    try {
      const saved = await this.save();
      if (saved)
        this.status.set(
          `Draft saved as version ${saved.versionNumber}. The public still sees the published version.`,
        );
    } finally {
      this.busy.set(null);
    }
  }

  /** Validates and saves the form as the draft; null (with the problem shown) when refused. */
  private async save(): Promise<PolicyVersionFieldsFragment | null> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.revision.update((n) => n + 1);
      this.actionError.set('Some of the wording needs attention: see the fields marked below.');
      focusFirstInvalid(this.host.nativeElement);
      return null;
    }
    const document = toDocument(this.form);
    try {
      const { saveDraft } = await firstValueFrom(
        this.client.request(SaveDraftDocument, {
          input: {
            document: toDocumentInput(document),
            effectiveDate: this.form.controls.effectiveDate.value,
          },
        }),
      );
      this.data.update(
        (data) =>
          data && {
            ...data,
            policyDraft: saveDraft,
            policyVersions: upsert(data.policyVersions, saveDraft),
          },
      );
      this.form.markAsPristine();
      this.revision.update((n) => n + 1);
      return saveDraft;
    } catch (error) {
      if (error instanceof ApiError && placeServerError(this.form, error)) {
        this.revision.update((n) => n + 1);
        this.actionError.set('The draft was not saved: see the field marked below.');
        focusFirstInvalid(this.host.nativeElement);
      } else {
        this.actionError.set(errorMessage(error));
      }
      return null;
    }
  }

  protected async publish(): Promise<void> {
    const data = this.data();
    if (!data || this.busy() || !this.canPublishNow()) return;
    this.actionError.set(null);
    if (this.form.invalid) {
      await this.save(); // shows the problems
      return;
    }
    const draft = data.policyDraft;
    const next =
      draft?.versionNumber ?? Math.max(0, ...data.policyVersions.map((v) => v.versionNumber)) + 1;
    const current = data.currentPolicy;
    const warnings = this.live()?.warnings.length ?? 0;
    const confirmed = await this.confirmService.confirm({
      title: `Publish version ${next}?`,
      message:
        `The public page, the embed and the iframe will show this wording` +
        (current ? `, replacing version ${current.versionNumber}. ` : '. ') +
        `It takes effect on ${longDate(this.form.controls.effectiveDate.value)}. ` +
        (warnings
          ? `The policy check has ${warnings} warning${warnings === 1 ? '' : 's'}: you can still publish.`
          : 'The policy check found nothing to warn about.'),
      confirmLabel: `Publish version ${next}`,
    });
    if (!confirmed) return;
    this.busy.set('publish');
    try {
      const saved = this.dirty() || !draft ? await this.save() : draft;
      if (!saved) return;
      const { publishDraft } = await firstValueFrom(
        this.client.request(PublishDraftDocument, { expectedDraftId: saved.id }),
      );
      this.status.set(
        `Version ${publishDraft.versionNumber} is published. The public page shows it now.`,
      );
      this.reload();
    } catch (error) {
      this.actionError.set(errorMessage(error));
    } finally {
      this.busy.set(null);
    }
  }

  protected async discard(): Promise<void> {
    if (this.busy()) return;
    this.actionError.set(null);
    const draft = this.draft();
    if (!draft) {
      this.resetForm();
      this.status.set('Your changes have been undone.');
      return;
    }
    const confirmed = await this.confirmService.confirm({
      title: `Discard draft version ${draft.versionNumber}?`,
      message: 'Its wording is deleted. The published version stays as it is.',
      confirmLabel: 'Discard draft',
      cancelLabel: 'Keep the draft',
    });
    if (!confirmed) return;
    this.busy.set('discard');
    try {
      await firstValueFrom(this.client.request(DiscardDraftDocument, {}));
      this.status.set(`Draft version ${draft.versionNumber} has been discarded.`);
      this.reload();
    } catch (error) {
      this.actionError.set(errorMessage(error));
    } finally {
      this.busy.set(null);
    }
  }

  protected async startFrom(version: PolicyVersionSummaryFragment): Promise<void> {
    if (this.busy()) return;
    this.actionError.set(null);
    if (this.dirty()) {
      const confirmed = await this.confirmService.confirm({
        title: 'Replace your unsaved changes?',
        message: `The editor will hold the wording of version ${version.versionNumber} instead.`,
        confirmLabel: `Start from version ${version.versionNumber}`,
        cancelLabel: 'Keep my changes',
      });
      if (!confirmed) return;
    }
    this.busy.set('start');
    try {
      const { startDraftFrom } = await firstValueFrom(
        this.client.request(StartDraftFromDocument, { versionId: version.id }),
      );
      this.status.set(
        `Draft version ${startDraftFrom.versionNumber} started from version ${version.versionNumber}.`,
      );
      this.reload();
      this.host.nativeElement.querySelector<HTMLElement>('#policy-draft')?.scrollIntoView?.();
    } catch (error) {
      this.actionError.set(errorMessage(error));
    } finally {
      this.busy.set(null);
    }
  }
}

function upsert(
  list: readonly PolicyVersionSummaryFragment[],
  version: PolicyVersionSummaryFragment,
): PolicyVersionSummaryFragment[] {
  const others = list.filter((v) => v.id !== version.id);
  return [version, ...others].sort((a, b) => b.versionNumber - a.versionNumber);
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return MONTHS[m - 1] ? `${d} ${MONTHS[m - 1]} ${y}` : iso;
}
