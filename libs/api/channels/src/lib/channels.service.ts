import { Injectable } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  InputError,
  isForeignKeyViolation,
  NotFoundError,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import type { PracticeChannel } from '@parley/shared/policy-render';
import { normaliseChannelAddress } from './channel-address';
import {
  CHANNEL_COLUMNS,
  type ChannelRow,
  loadChannels,
  toChannel,
  toPracticeChannel,
} from './channel-rows';
import {
  type Channel,
  CHANNEL_LIMITS,
  type CreateChannelInput,
  type UpdateChannelInput,
} from './channel.types';

/**
 * The active practice's feedback channels. Published policies keep their own frozen copy, so
 * nothing here ever touches a published version; the next publish picks the changes up.
 */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  list(ctx: RequestContext): Promise<Channel[]> {
    const practiceId = ctx.practiceId;
    return this.database.run(ctx, (uow) => loadChannels(uow, practiceId));
  }

  /** For other domains (policy rendering), inside their own unit of work. */
  async practiceChannelsIn(uow: UnitOfWork): Promise<PracticeChannel[]> {
    return (await loadChannels(uow, uow.practiceId)).map(toPracticeChannel);
  }

  create(ctx: RequestContext, input: CreateChannelInput): Promise<Channel> {
    return this.database.run(ctx, (uow) => this.createIn(ctx, uow, input));
  }

  /** Adds a channel at the end of the list, inside the caller's unit of work. */
  async createIn(
    ctx: RequestContext,
    uow: UnitOfWork,
    input: CreateChannelInput,
  ): Promise<Channel> {
    const practiceId = uow.practiceId;
    const fields = {
      kind: input.kind,
      label: requiredText(input.label, 'label'),
      policyText: requiredText(input.policyText, 'policyText'),
      instructions: optionalText(input.instructions),
      address: normaliseChannelAddress(input.kind, input.address),
      enabled: input.enabled ?? true,
      showInPolicy: input.showInPolicy ?? true,
    };
    const [{ count, next }] = await uow.query<{ count: number; next: number }>(
      `SELECT count(*)::int AS count, coalesce(max(position) + 1, 0)::int AS next FROM feedback_channels WHERE practice_id = $1`,
      [practiceId],
    );
    if (count >= CHANNEL_LIMITS.channelsPerPractice) {
      throw new ConflictError(
        `A practice can have at most ${CHANNEL_LIMITS.channelsPerPractice} channels; remove one first.`,
      );
    }
    const [row] = await uow.query<ChannelRow>(
      `INSERT INTO feedback_channels (practice_id, kind, label, policy_text, instructions, address, position, enabled, show_in_policy)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${CHANNEL_COLUMNS}`,
      [
        practiceId,
        fields.kind,
        fields.label,
        fields.policyText,
        fields.instructions,
        fields.address,
        next,
        fields.enabled,
        fields.showInPolicy,
      ],
    );
    await this.audit.practice(ctx, uow, {
      action: 'channel.created',
      entityType: 'feedback_channel',
      entityId: row.id,
      details: {
        kind: row.kind,
        label: row.label,
        enabled: row.enabled,
        showInPolicy: row.show_in_policy,
      },
    });
    return toChannel(row);
  }

  update(ctx: RequestContext, id: string, input: UpdateChannelInput): Promise<Channel> {
    const practiceId = ctx.practiceId;
    return this.database.run(ctx, async (uow) => {
      const [current] = await uow.query<ChannelRow>(
        `SELECT ${CHANNEL_COLUMNS} FROM feedback_channels WHERE practice_id = $1 AND id = $2 FOR UPDATE`,
        [practiceId, id],
      );
      if (!current) throw new NotFoundError('The channel');
      const kind = input.kind ?? current.kind;
      const next = {
        kind,
        label: input.label === undefined ? current.label : requiredText(input.label, 'label'),
        policy_text:
          input.policyText === undefined
            ? current.policy_text
            : requiredText(input.policyText, 'policyText'),
        instructions:
          input.instructions === undefined
            ? current.instructions
            : optionalText(input.instructions),
        address: normaliseChannelAddress(
          kind,
          input.address === undefined ? current.address : input.address,
        ),
        enabled: input.enabled ?? current.enabled,
        show_in_policy: input.showInPolicy ?? current.show_in_policy,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
        (key) => next[key] !== current[key],
      );
      if (changed.length === 0) return toChannel(current);
      const [row] = await uow.query<ChannelRow>(
        // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
        `WITH updated AS (
           UPDATE feedback_channels
              SET kind = $3, label = $4, policy_text = $5, instructions = $6, address = $7, enabled = $8, show_in_policy = $9,
                  updated_at = now()
            WHERE practice_id = $1 AND id = $2
            RETURNING ${CHANNEL_COLUMNS})
         SELECT * FROM updated`,
        [
          practiceId,
          id,
          next.kind,
          next.label,
          next.policy_text,
          next.instructions,
          next.address,
          next.enabled,
          next.show_in_policy,
        ],
      );
      await this.audit.practice(ctx, uow, {
        action: 'channel.updated',
        entityType: 'feedback_channel',
        entityId: id,
        details: {
          changed: changed.map(camel),
          kind: next.kind,
          enabled: next.enabled,
          showInPolicy: next.show_in_policy,
        },
      });
      return toChannel(row);
    });
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    const practiceId = ctx.practiceId;
    try {
      await this.database.run(ctx, async (uow) => {
        const [row] = await uow.query<Pick<ChannelRow, 'kind' | 'label'>>(
          `WITH deleted AS (DELETE FROM feedback_channels WHERE practice_id = $1 AND id = $2 RETURNING kind, label)
           SELECT * FROM deleted`,
          [practiceId, id],
        );
        if (!row) throw new NotFoundError('The channel');
        await this.audit.practice(ctx, uow, {
          action: 'channel.deleted',
          entityType: 'feedback_channel',
          entityId: id,
          details: { kind: row.kind, label: row.label },
        });
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new ConflictError(
          'Feedback was received through this channel, so it cannot be removed: switch it off instead.',
          'id',
        );
      }
      throw error;
    }
  }

  /** `ids` must name every channel of the practice once; any other id is not found. */
  reorder(ctx: RequestContext, ids: string[]): Promise<Channel[]> {
    const practiceId = ctx.practiceId;
    const wanted = ids.map((id) => id.toLowerCase());
    return this.database.run(ctx, async (uow) => {
      const rows = await uow.query<{ id: string }>(
        'SELECT id FROM feedback_channels WHERE practice_id = $1 FOR UPDATE',
        [practiceId],
      );
      const existing = new Set(rows.map((r) => r.id));
      if (wanted.some((id) => !existing.has(id))) throw new NotFoundError('The channel');
      if (new Set(wanted).size !== wanted.length || wanted.length !== existing.size) {
        throw new InputError('ids must list every channel of the practice exactly once.', 'ids');
      }
      await uow.query(
        `UPDATE feedback_channels c SET position = o.ord - 1, updated_at = now()
           FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
          WHERE c.practice_id = $1 AND c.id = o.id AND c.position <> o.ord - 1`,
        [practiceId, wanted],
      );
      await this.audit.practice(ctx, uow, {
        action: 'channels.reordered',
        entityType: 'feedback_channel',
        details: { order: wanted },
      });
      return loadChannels(uow, practiceId);
    });
  }
}

function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (!text) throw new InputError(`${field} is required.`, field);
  return text;
}

function optionalText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
