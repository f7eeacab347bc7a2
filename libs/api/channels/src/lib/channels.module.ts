import { Module } from '@nestjs/common';
import { ChannelsResolver } from './channels.resolver';
import { ChannelsService } from './channels.service';

@Module({
  providers: [ChannelsService, ChannelsResolver],
  exports: [ChannelsService],
})
export class ChannelsModule {}
