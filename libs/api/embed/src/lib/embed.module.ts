import { Module } from '@nestjs/common';
import { EmbedController } from './embed.controller';

/** The public `<parley-policy>` script, served to any website. */
@Module({ controllers: [EmbedController] })
export class EmbedModule {}
