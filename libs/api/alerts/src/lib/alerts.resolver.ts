import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import { AlertSweepService } from './alert-sweep.service';
import { Alert, type AlertEvent, AlertIdArgs, AlertsArgs, AlertSweepReport } from './alert.types';
import { AlertsService } from './alerts.service';

/** Staff and managers see the practice's alerts, live; managers acknowledge them. */
@Resolver(() => Alert)
export class AlertsResolver {
  constructor(
    private readonly alertsService: AlertsService,
    private readonly sweeps: AlertSweepService,
  ) {}

  @Query(() => [Alert], { description: 'Newest first.' })
  @Allow(Permission.AlertsRead)
  alerts(@Ctx() ctx: RequestContext, @Args() { status, limit }: AlertsArgs): Promise<Alert[]> {
    return this.alertsService.list(ctx, status, limit);
  }

  @Query(() => Int, {
    description: 'Alerts not yet acknowledged, for the indicator in the top bar.',
  })
  @Allow(Permission.AlertsRead)
  openAlertCount(@Ctx() ctx: RequestContext): Promise<number> {
    return this.alertsService.openCount(ctx);
  }

  @Mutation(() => Alert)
  @Allow(Permission.AlertsAcknowledge)
  acknowledgeAlert(@Ctx() ctx: RequestContext, @Args() { id }: AlertIdArgs): Promise<Alert> {
    return this.alertsService.acknowledge(ctx, id);
  }

  @Subscription(() => Alert, {
    description:
      'Alerts of the practice named at connect, as they are raised. Connect over graphql-ws to /graphql with ' +
      'connectionParams { authorization: "Bearer <access token>", practiceId }.',
    resolve: (event: AlertEvent) => event.alert,
  })
  @Allow(Permission.AlertsRead)
  alertRaised(@Ctx() ctx: RequestContext): AsyncIterableIterator<AlertEvent> {
    return this.alertsService.subscribe(ctx.practiceId);
  }

  @Mutation(() => AlertSweepReport, {
    description: 'Runs the scheduled alert sweep now, for every practice (operations and tests).',
  })
  @Allow(Permission.PlatformManage)
  runAlertSweep(): Promise<AlertSweepReport> {
    return this.sweeps.sweep({ force: true });
  }
}
