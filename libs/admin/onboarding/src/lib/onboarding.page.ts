import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { FormAlertComponent } from '@parley/admin/ui';
import { catchError, forkJoin, map, type Observable, of, switchMap } from 'rxjs';
import {
  type CreateIcbMutation,
  type CreatePracticeMutation,
  IcbsDocument,
  type IcbsQuery,
  PracticesDocument,
  type PracticesQuery,
} from './generated/graphql';
import { IcbFormComponent } from './icb-form.component';
import { ManagerInviteFormComponent } from './manager-invite-form.component';
import { PracticeFormComponent } from './practice-form.component';

/** Platform admins set up ICBs and practices and invite each practice's first manager. */
@Component({
  selector: 'parley-onboarding-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DecimalPipe,
    MatTableModule,
    MatButtonModule,
    FormAlertComponent,
    IcbFormComponent,
    PracticeFormComponent,
    ManagerInviteFormComponent,
  ],
  templateUrl: './onboarding.page.html',
  styleUrl: './onboarding.css',
})
export class OnboardingPage {
  private readonly client = inject(GraphqlClient);

  protected readonly icbs = signal<IcbsQuery['icbs']>([]);
  protected readonly practices = signal<PracticesQuery['practices']>([]);
  protected readonly loading = signal(true);
  protected readonly icbsError = signal<string | null>(null);
  protected readonly practicesError = signal<string | null>(null);
  protected readonly loadError = computed(() => this.icbsError() ?? this.practicesError());
  protected readonly status = signal('');
  protected readonly suggestedPracticeId = signal<string | null>(null);
  private readonly reloads = signal(0);

  constructor() {
    toObservable(this.reloads)
      .pipe(
        switchMap(() => {
          this.loading.set(true);
          // Independent: one list failing should not hide the other.
          const settle = <T>(request: Observable<T>) =>
            request.pipe(
              map((data) => ({ data, error: null })),
              catchError((error: unknown) => of({ data: null, error: errorMessage(error) })),
            );
          return forkJoin({
            icbs: settle(this.client.request(IcbsDocument, {})),
            practices: settle(this.client.request(PracticesDocument, {})),
          });
        }),
        takeUntilDestroyed(),
      )
      .subscribe(({ icbs, practices }) => {
        this.loading.set(false);
        this.icbsError.set(icbs.error);
        this.practicesError.set(practices.error);
        if (icbs.data)
          this.icbs.set([...icbs.data.icbs].sort((a, b) => a.name.localeCompare(b.name)));
        if (practices.data) {
          this.practices.set(
            [...practices.data.practices].sort((a, b) => a.name.localeCompare(b.name)),
          );
        }
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected icbCreated(icb: CreateIcbMutation['createIcb']): void {
    this.status.set(`${icb.name} has been added. You can now add its practices.`);
    this.reload();
  }

  protected practiceCreated(practice: CreatePracticeMutation['createPractice']): void {
    this.status.set(`${practice.name} has been added. Invite its first manager below.`);
    this.suggestedPracticeId.set(practice.id);
    this.reload();
  }
}
