import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { firstValueFrom } from 'rxjs';
import {
  PolicyDiffDocument,
  type PolicyDiffQuery,
  PolicyStatus,
  type PolicyVersionSummaryFragment,
} from './generated/graphql';
import { PolicyDiffComponent } from './policy-diff.component';

const STATUS_NAMES: Record<PolicyStatus, string> = {
  [PolicyStatus.Draft]: 'Draft',
  [PolicyStatus.Published]: 'Published',
  [PolicyStatus.Superseded]: 'Superseded',
};

/** Every version, newest first, with a comparison of any two and "start a new draft from this". */
@Component({
  selector: 'parley-policy-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatTableModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    FormAlertComponent,
    PolicyDiffComponent,
  ],
  templateUrl: './policy-history.component.html',
  styleUrl: './policy-history.component.css',
})
export class PolicyHistoryComponent {
  private readonly client = inject(GraphqlClient);

  readonly versions = input.required<readonly PolicyVersionSummaryFragment[]>();
  readonly canEdit = input(false);
  readonly hasDraft = input(false);
  readonly startFrom = output<PolicyVersionSummaryFragment>();

  protected readonly statusName = (status: PolicyStatus) => STATUS_NAMES[status] ?? status;
  protected readonly statuses = PolicyStatus;
  protected readonly fromId = new FormControl('', { nonNullable: true });
  protected readonly toId = new FormControl('', { nonNullable: true });
  protected readonly compareForm = new FormGroup({ fromId: this.fromId, toId: this.toId });
  protected readonly diff = signal<PolicyDiffQuery['policyDiff'] | null>(null);
  protected readonly comparing = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly diffStatus = computed(() => {
    const diff = this.diff();
    if (!diff) return '';
    const added = diff.lines.filter((l) => l.op === 'added').length;
    const removed = diff.lines.filter((l) => l.op === 'removed').length;
    return `Changes from version ${diff.fromVersionNumber} to version ${diff.toVersionNumber}: ${added} added, ${removed} removed.`;
  });

  protected columns(): string[] {
    const base = ['version', 'status', 'effective', 'when', 'warnings'];
    return this.canEdit() ? [...base, 'actions'] : base;
  }

  constructor() {
    // Newest against the one before, until the person picks others (or a pick disappears).
    effect(() => {
      const versions = this.versions();
      const ids = versions.map((v) => v.id);
      const picked =
        this.compareForm.dirty && ids.includes(this.fromId.value) && ids.includes(this.toId.value);
      if (picked) return;
      this.toId.setValue(versions[0]?.id ?? '');
      this.fromId.setValue(versions[1]?.id ?? versions[0]?.id ?? '');
      this.compareForm.markAsPristine();
    });
  }

  protected async compare(): Promise<void> {
    const fromId = this.fromId.value;
    const toId = this.toId.value;
    if (!fromId || !toId || this.comparing()) return;
    this.error.set(null);
    this.comparing.set(true);
    try {
      const { policyDiff } = await firstValueFrom(
        this.client.request(PolicyDiffDocument, { fromId, toId }),
      );
      this.diff.set(policyDiff);
    } catch (error) {
      this.diff.set(null);
      this.error.set(errorMessage(error));
    } finally {
      this.comparing.set(false);
    }
  }
}
