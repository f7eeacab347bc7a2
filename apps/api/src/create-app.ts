import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ParleyConfig } from '@parley/api/core';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { installBodyParsers } from './body-parsers';
import { installFastPublicReads } from './fast-public-reads';
import { serveConsole } from './serve-console';

/**
 * Builds the Nest application for a configuration: used by main.ts and by the integration
 * tests, so tests exercise exactly what runs.
 */
export async function createParleyApp(config: ParleyConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
    // Registered below with per-route limits.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  installBodyParsers(app);
  app.enableShutdownHooks();
  serveConsole(app, config);
  // Connects and migrates now (onModuleInit), so demo data can load before the app listens.
  await app.init();
  installFastPublicReads(app);
  return app;
}
