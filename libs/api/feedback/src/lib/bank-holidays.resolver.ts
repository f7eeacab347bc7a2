import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext } from '@parley/api/core';
import { type IsoDate, Permission } from '@parley/shared/domain';
import { BankHolidaysService } from './bank-holidays.service';
import { AddBankHolidayArgs, BankHolidaysArgs } from './fft-and-holidays.inputs';
import { BankHoliday } from './feedback.types';

/** The working-day calendar: anyone signed in reads it; the platform admin extends it. */
@Resolver()
export class BankHolidaysResolver {
  constructor(private readonly holidays: BankHolidaysService) {}

  @Query(() => [BankHoliday], { description: 'England and Wales bank holidays the clocks skip.' })
  @Allow(Permission.Authenticated)
  bankHolidays(
    @Ctx() ctx: RequestContext,
    @Args() { year }: BankHolidaysArgs,
  ): Promise<BankHoliday[]> {
    return this.holidays.list(ctx, year);
  }

  @Mutation(() => BankHoliday, {
    description: 'Adds a bank holiday proclaimed after the shipped table (a weekday).',
  })
  @Allow(Permission.PlatformManage)
  addBankHoliday(
    @Ctx() ctx: RequestContext,
    @Args() { date, name }: AddBankHolidayArgs,
  ): Promise<BankHoliday> {
    return this.holidays.add(ctx, date as IsoDate, name);
  }
}
