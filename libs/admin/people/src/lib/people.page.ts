import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { errorMessage, GraphqlClient, roleLabel, SessionStore } from '@parley/admin/data-access';
import { ConfirmService, FormAlertComponent } from '@parley/admin/ui';
import { Permission } from '@parley/shared/domain';
import { catchError, firstValueFrom, forkJoin, map, of, switchMap } from 'rxjs';
import {
  type InvitationIssuedFieldsFragment,
  InvitationsDocument,
  type InvitationsQuery,
  PeopleDocument,
  type PeopleQuery,
  RemovePersonDocument,
  RevokeInvitationDocument,
} from './generated/graphql';
import { InviteFormComponent } from './invite-form.component';

type Person = PeopleQuery['people'][number];
type PendingInvitation = InvitationsQuery['invitations'][number];

/**
 * The people of the active practice. Everyone may look; managers also invite, revoke
 * invitations and remove people.
 */
@Component({
  selector: 'parley-people-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatTableModule, MatButtonModule, FormAlertComponent, InviteFormComponent],
  templateUrl: './people.page.html',
  styleUrl: './people.css',
})
export class PeoplePage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly confirmService = inject(ConfirmService);

  protected readonly canManage = computed(() => this.session.can(Permission.PeopleManage));
  protected readonly practiceName = computed(
    () => this.session.activePractice()?.name ?? 'this practice',
  );
  protected readonly myUserId = computed(() => this.session.user()?.id ?? null);
  protected readonly roleLabel = roleLabel;

  protected readonly people = signal<Person[]>([]);
  protected readonly invitations = signal<PendingInvitation[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly status = signal('');
  protected readonly columns = computed(() =>
    this.canManage()
      ? ['name', 'email', 'role', 'since', 'actions']
      : ['name', 'email', 'role', 'since'],
  );

  private readonly reloads = signal(0);

  constructor() {
    // Reload when the practice (or the person's role in it) changes; switchMap drops stale answers.
    toObservable(
      computed(() => ({
        practiceId: this.session.activePracticeId(),
        manage: this.canManage(),
        n: this.reloads(),
      })),
    )
      .pipe(
        switchMap(({ manage }) => {
          this.loading.set(true);
          return forkJoin({
            people: this.client.request(PeopleDocument, {}).pipe(map((r) => r.people)),
            invitations: manage
              ? this.client.request(InvitationsDocument, {}).pipe(map((r) => r.invitations))
              : of<PendingInvitation[]>([]),
          }).pipe(catchError((error: unknown) => of({ error: errorMessage(error) })));
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
        this.people.set([...result.people].sort((a, b) => a.name.localeCompare(b.name)));
        this.invitations.set(result.invitations.filter((i) => !i.acceptedAt));
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected onInvited(issued: InvitationIssuedFieldsFragment): void {
    this.invitations.update((list) => [
      ...list.filter((i) => i.id !== issued.invitation.id),
      issued.invitation,
    ]);
  }

  protected async remove(person: Person): Promise<void> {
    this.actionError.set(null);
    const practice = this.practiceName();
    const confirmed = await this.confirmService.confirm({
      title: `Remove ${person.name}?`,
      message: `${person.name} will no longer be able to use Parley for ${practice}. Their past work stays in the records.`,
      confirmLabel: `Remove ${person.name}`,
    });
    if (!confirmed) return;
    try {
      await firstValueFrom(this.client.request(RemovePersonDocument, { userId: person.userId }));
      this.people.update((list) => list.filter((p) => p.userId !== person.userId));
      this.status.set(`${person.name} has been removed from ${practice}.`);
    } catch (error) {
      this.actionError.set(errorMessage(error));
    }
  }

  protected async revoke(invitation: PendingInvitation): Promise<void> {
    this.actionError.set(null);
    const confirmed = await this.confirmService.confirm({
      title: 'Cancel this invitation?',
      message: `The link sent to ${invitation.email} will stop working.`,
      confirmLabel: 'Cancel invitation',
      cancelLabel: 'Keep it',
    });
    if (!confirmed) return;
    try {
      await firstValueFrom(this.client.request(RevokeInvitationDocument, { id: invitation.id }));
      this.invitations.update((list) => list.filter((i) => i.id !== invitation.id));
      this.status.set(`The invitation to ${invitation.email} has been cancelled.`);
    } catch (error) {
      this.actionError.set(errorMessage(error));
    }
  }
}
