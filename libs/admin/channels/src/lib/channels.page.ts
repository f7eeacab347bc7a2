import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { errorMessage, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { ConfirmService, FormAlertComponent } from '@parley/admin/ui';
import { Permission } from '@parley/shared/domain';
import { catchError, firstValueFrom, map, of, switchMap } from 'rxjs';
import {
  type ChannelFieldsFragment,
  ChannelsDocument,
  DeleteChannelDocument,
  ReorderChannelsDocument,
  UpdateChannelDocument,
} from './generated/graphql';
import { ChannelFormDialog, type ChannelFormData } from './channel-form.dialog';
import { kindName } from './channel-kinds';

type Channel = ChannelFieldsFragment;

/**
 * The ways patients can reach the practice, in the order the public sees them. Everyone may
 * look; managers add, edit, switch on and off, reorder and delete.
 */
@Component({
  selector: 'parley-channels-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatButtonModule, FormAlertComponent],
  templateUrl: './channels.page.html',
  styleUrl: './channels.css',
})
export class ChannelsPage {
  private readonly client = inject(GraphqlClient);
  private readonly session = inject(SessionStore);
  private readonly confirmService = inject(ConfirmService);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly canManage = computed(() => this.session.can(Permission.ChannelsManage));
  protected readonly practiceName = computed(
    () => this.session.activePractice()?.name ?? 'this practice',
  );
  protected readonly kindName = kindName;

  protected readonly channels = signal<Channel[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly status = signal('');
  /** A channel with a change in flight: its buttons wait. */
  protected readonly busyId = signal<string | null>(null);
  protected readonly columns = computed(() =>
    this.canManage()
      ? ['position', 'label', 'kind', 'address', 'state', 'order', 'actions']
      : ['position', 'label', 'kind', 'address', 'state'],
  );

  private readonly reloads = signal(0);

  constructor() {
    toObservable(
      computed(() => ({ practiceId: this.session.activePracticeId(), n: this.reloads() })),
    )
      .pipe(
        switchMap(() => {
          this.loading.set(true);
          return this.client.request(ChannelsDocument, {}).pipe(
            map((r) => ({ channels: r.channels })),
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
        this.channels.set(sortByPosition(result.channels));
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected async openForm(channel: Channel | null): Promise<void> {
    this.actionError.set(null);
    const ref = this.dialog.open<ChannelFormDialog, ChannelFormData, Channel>(ChannelFormDialog, {
      data: { channel },
      width: '40rem',
      maxWidth: 'calc(100vw - 32px)',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    if (channel) {
      this.channels.update((list) => list.map((c) => (c.id === saved.id ? saved : c)));
      this.status.set(`${saved.label} has been saved.`);
    } else {
      this.channels.update((list) => sortByPosition([...list, saved]));
      this.status.set(`${saved.label} has been added.`);
    }
  }

  protected async toggle(channel: Channel): Promise<void> {
    await this.act(channel, async () => {
      const { updateChannel } = await firstValueFrom(
        this.client.request(UpdateChannelDocument, {
          id: channel.id,
          input: { enabled: !channel.enabled },
        }),
      );
      this.channels.update((list) =>
        list.map((c) => (c.id === updateChannel.id ? updateChannel : c)),
      );
      this.status.set(
        updateChannel.enabled
          ? `${updateChannel.label} is switched on.`
          : `${updateChannel.label} is switched off: the public no longer sees it.`,
      );
    });
  }

  /** Moves a channel one place up (-1) or down (+1), keeping focus on the button used. */
  protected async move(channel: Channel, step: -1 | 1): Promise<void> {
    const list = this.channels();
    const from = list.findIndex((c) => c.id === channel.id);
    const to = from + step;
    if (from < 0 || to < 0 || to >= list.length) return;
    const ids = list.map((c) => c.id);
    [ids[from], ids[to]] = [ids[to], ids[from]];
    await this.act(channel, async () => {
      const { reorderChannels } = await firstValueFrom(
        this.client.request(ReorderChannelsDocument, { ids }),
      );
      this.channels.set(sortByPosition(reorderChannels));
      this.status.set(`${channel.label} moved to position ${to + 1} of ${ids.length}.`);
      this.refocus(channel, step);
    });
  }

  protected async remove(channel: Channel): Promise<void> {
    this.actionError.set(null);
    const confirmed = await this.confirmService.confirm({
      title: `Delete ${channel.label}?`,
      message:
        'The public will no longer see it. Published policies keep their wording until the next version is published.',
      confirmLabel: `Delete ${channel.label}`,
    });
    if (!confirmed) return;
    await this.act(channel, async () => {
      await firstValueFrom(this.client.request(DeleteChannelDocument, { id: channel.id }));
      this.channels.update((list) => list.filter((c) => c.id !== channel.id));
      this.status.set(`${channel.label} has been deleted.`);
    });
  }

  private async act(channel: Channel, work: () => Promise<void>): Promise<void> {
    if (this.busyId()) return;
    this.actionError.set(null);
    this.busyId.set(channel.id);
    try {
      await work();
    } catch (error) {
      this.actionError.set(errorMessage(error));
    } finally {
      this.busyId.set(null);
    }
  }

  /** The row moved, so its button was re-created: put focus back on it (or its twin at an end). */
  private refocus(channel: Channel, step: -1 | 1): void {
    afterNextRender(
      () => {
        const index = this.channels().findIndex((c) => c.id === channel.id);
        const atEnd = step < 0 ? index === 0 : index === this.channels().length - 1;
        const id = `channel-${channel.id}-${step < 0 !== atEnd ? 'up' : 'down'}`;
        this.host.nativeElement.querySelector<HTMLElement>(`[id="${id}"]`)?.focus();
      },
      { injector: this.injector },
    );
  }
}

function sortByPosition(channels: readonly Channel[]): Channel[] {
  return [...channels].sort((a, b) => a.position - b.position);
}
