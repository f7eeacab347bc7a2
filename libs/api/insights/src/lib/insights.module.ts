import { Module } from '@nestjs/common';
import { IcbsService } from './icbs.service';
import { InsightsCsvController } from './insights-csv.controller';
import { InsightsReader } from './insights-reader';
import { InsightsResolver } from './insights.resolver';
import { Ko41bService } from './ko41b.service';
import { TrendsService } from './trends.service';

@Module({
  providers: [InsightsReader, IcbsService, TrendsService, Ko41bService, InsightsResolver],
  controllers: [InsightsCsvController],
})
export class InsightsModule {}
