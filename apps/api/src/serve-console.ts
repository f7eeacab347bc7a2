import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { ParleyConfig } from '@parley/api/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the API owns; everything else that is a GET for a page is the console's. */
const API_PREFIXES = ['/graphql', '/health', '/public', '/p/', '/embed'];

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(p));
}

/** Where the built console is: beside the built API, or PARLEY_ADMIN_DIR. */
export function consoleDir(config: ParleyConfig): string {
  return config.adminDir ?? join(__dirname, '..', 'admin', 'browser');
}

/**
 * Serves the built Angular console from the same process, with its client-side routes falling
 * back to index.html. Hashed assets are cached for a year; index.html never.
 */
export function serveConsole(app: INestApplication, config: ParleyConfig): void {
  const dir = consoleDir(config);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Console').warn(
      `No built console at ${dir}; run \`npm run build\` (the API still serves /graphql).`,
    );
    return;
  }
  const assets = express.static(dir, {
    index: false,
    setHeaders: (res, path) => {
      res.setHeader(
        'Cache-Control',
        path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
  // API paths never touch the disk: checking for a file costs every API request.
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApiPath(req.path) ? next() : assets(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    const wantsPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    if (!wantsPage || isApiPath(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
