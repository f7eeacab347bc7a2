import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Database } from '../database/database';
import { Public } from '../tenancy/access.decorators';

@Controller('health')
export class HealthController {
  constructor(private readonly database: Database) {}

  /** 200 when the database answers a round-trip, 503 when it does not. */
  @Get()
  @Public()
  @HttpCode(200)
  async health(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: string; database: string }> {
    response.setHeader('Cache-Control', 'no-store');
    const up = await this.database.ping();
    if (!up) response.status(503);
    return { status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' };
  }
}
