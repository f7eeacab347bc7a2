import { Controller, Get, Query, Res } from '@nestjs/common';
import { Allow, Ctx, type RequestContext } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import type { Response } from 'express';
import { Ko41bCsvQuery, TrendsCsvQuery } from './insights.inputs';
import { Ko41bService } from './ko41b.service';
import { TrendsService } from './trends.service';

/** CSV downloads of the same views the GraphQL API serves, suppressed the same way (bearer token). */
@Controller('insights')
export class InsightsCsvController {
  constructor(
    private readonly ko41b: Ko41bService,
    private readonly trends: TrendsService,
  ) {}

  @Get('ko41b.csv')
  @Allow(Permission.InsightsRead)
  async ko41bCsv(
    @Ctx() ctx: RequestContext,
    @Query() query: Ko41bCsvQuery,
    @Res() res: Response,
  ): Promise<void> {
    const { csv } = await this.ko41b.return(ctx, query);
    send(res, csv, `ko41b-${query.financialYear}${query.practiceId ? '-practice' : ''}.csv`);
  }

  @Get('trends.csv')
  @Allow(Permission.InsightsRead)
  async trendsCsv(
    @Ctx() ctx: RequestContext,
    @Query() query: TrendsCsvQuery,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.trends.trendsCsv(ctx, query), `trends-${query.from}-${query.to}.csv`);
  }
}

function send(res: Response, csv: string, filename: string): void {
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.status(200).type('text/csv; charset=utf-8').send(csv);
}
