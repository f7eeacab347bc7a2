import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import { EscalationSettingsService } from './escalation-settings.service';
import { EscalationSettings, SaveEscalationSettingsInput } from './escalation.types';

/** Staff read the thresholds; managers change them (each save a new version). */
@Resolver(() => EscalationSettings)
export class EscalationResolver {
  constructor(private readonly settings: EscalationSettingsService) {}

  @Query(() => EscalationSettings, {
    description: 'The thresholds in force (the defaults, version 0, until first saved).',
  })
  @Allow(Permission.EscalationRead)
  escalationSettings(@Ctx() ctx: RequestContext): Promise<EscalationSettings> {
    return this.settings.current(ctx);
  }

  @Query(() => [EscalationSettings], { description: 'Every saved version, newest first.' })
  @Allow(Permission.EscalationRead)
  escalationSettingsHistory(@Ctx() ctx: RequestContext): Promise<EscalationSettings[]> {
    return this.settings.history(ctx);
  }

  @Mutation(() => EscalationSettings, {
    description:
      'Saves the whole settings as a new version. Looser than the law (e.g. acknowledgement after 3 working days) is refused, naming the field.',
  })
  @Allow(Permission.EscalationManage)
  saveEscalationSettings(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SaveEscalationSettingsInput,
  ): Promise<EscalationSettings> {
    return this.settings.save(ctx, input);
  }
}
