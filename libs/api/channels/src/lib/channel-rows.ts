import type { UnitOfWork } from '@parley/api/core';
import { channelHref, type ChannelKind, type PracticeChannel } from '@parley/shared/policy-render';
import type { Channel } from './channel.types';

export interface ChannelRow {
  id: string;
  kind: ChannelKind;
  label: string;
  policy_text: string;
  instructions: string | null;
  address: string | null;
  position: number;
  enabled: boolean;
  show_in_policy: boolean;
  created_at: Date;
  updated_at: Date;
}

export const CHANNEL_COLUMNS =
  'id, kind, label, policy_text, instructions, address, position, enabled, show_in_policy, created_at, updated_at';

export function toChannel(row: ChannelRow): Channel {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    policyText: row.policy_text,
    instructions: row.instructions,
    address: row.address,
    href: channelHref(row.kind, row.address),
    position: row.position,
    enabled: row.enabled,
    showInPolicy: row.show_in_policy,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** The practice's channels in display order, read inside the caller's unit of work. */
export async function loadChannels(uow: UnitOfWork, practiceId: string): Promise<Channel[]> {
  const rows = await uow.query<ChannelRow>(
    `SELECT ${CHANNEL_COLUMNS} FROM feedback_channels WHERE practice_id = $1 ORDER BY position, created_at, id`,
    [practiceId],
  );
  return rows.map(toChannel);
}

/** A channel as the shared renderer and policy check take it. */
export function toPracticeChannel(channel: Channel): PracticeChannel {
  return {
    kind: channel.kind,
    label: channel.label,
    policyText: channel.policyText,
    instructions: channel.instructions ?? undefined,
    address: channel.address,
    enabled: channel.enabled,
    showInPolicy: channel.showInPolicy,
  };
}
