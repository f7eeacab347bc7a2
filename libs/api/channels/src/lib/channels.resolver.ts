import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import {
  Channel,
  ChannelIdArgs,
  CreateChannelInput,
  ReorderChannelsArgs,
  UpdateChannelArgs,
} from './channel.types';
import { ChannelsService } from './channels.service';

/** Staff see the practice's channels; managers change them. */
@Resolver(() => Channel)
export class ChannelsResolver {
  constructor(private readonly channelsService: ChannelsService) {}

  @Query(() => [Channel], {
    description: "The active practice's feedback channels, in display order.",
  })
  @Allow(Permission.ChannelsRead)
  channels(@Ctx() ctx: RequestContext): Promise<Channel[]> {
    return this.channelsService.list(ctx);
  }

  @Mutation(() => Channel)
  @Allow(Permission.ChannelsManage)
  createChannel(
    @Ctx() ctx: RequestContext,
    @Args('input') input: CreateChannelInput,
  ): Promise<Channel> {
    return this.channelsService.create(ctx, input);
  }

  @Mutation(() => Channel)
  @Allow(Permission.ChannelsManage)
  updateChannel(
    @Ctx() ctx: RequestContext,
    @Args() { id, input }: UpdateChannelArgs,
  ): Promise<Channel> {
    return this.channelsService.update(ctx, id, input);
  }

  @Mutation(() => Boolean)
  @Allow(Permission.ChannelsManage)
  async deleteChannel(@Ctx() ctx: RequestContext, @Args() { id }: ChannelIdArgs): Promise<boolean> {
    await this.channelsService.delete(ctx, id);
    return true;
  }

  @Mutation(() => [Channel], {
    description: 'Puts the channels in the given order; list every channel once.',
  })
  @Allow(Permission.ChannelsManage)
  reorderChannels(
    @Ctx() ctx: RequestContext,
    @Args() { ids }: ReorderChannelsArgs,
  ): Promise<Channel[]> {
    return this.channelsService.reorder(ctx, ids);
  }
}
