import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { NotFoundError, PARLEY_CONFIG, type ParleyConfig, Public } from '@parley/api/core';
import type { Request, Response } from 'express';
import { join } from 'node:path';
import { type EmbedBundle, EmbedBundles, etagMatches, negotiate } from './embed-bundle';

/** `/embed.js`: short, so a new release reaches every website within minutes. */
export const STABLE_CACHE = 'public, max-age=300, stale-while-revalidate=3600';
/** `/embed/embed.<hash>.js`: the name changes with the content, so it can be kept forever. */
export const HASHED_CACHE = 'public, max-age=31536000, immutable';

/** Where the built embed is: beside the built API (dist/apps/embed), or PARLEY_EMBED_DIR. */
export function embedDir(config: ParleyConfig): string {
  return config.embedDir ?? join(__dirname, '..', 'embed');
}

/**
 * Serves the `<parley-policy>` script to any website. `/embed.js` answers with the current
 * bundle itself (no redirect: one round trip, revalidated by ETag); the hashed URL is for pages
 * that pin a version with Subresource Integrity. Both may be loaded and read from any origin.
 */
@Controller()
export class EmbedController {
  private readonly bundles: EmbedBundles;

  constructor(@Inject(PARLEY_CONFIG) config: ParleyConfig) {
    this.bundles = new EmbedBundles(embedDir(config));
  }

  @Get('embed.js')
  @Public()
  async stable(@Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.bundles.latest(), STABLE_CACHE);
  }

  @Get('embed/manifest.json')
  @Public()
  async manifest(@Res() res: Response): Promise<void> {
    const bundle = await this.bundles.latest();
    if (!bundle) throw new NotFoundError('The built embed script');
    crossOrigin(res);
    res.setHeader('Cache-Control', STABLE_CACHE);
    res.json(bundle.manifest);
  }

  @Get('embed/:file')
  @Public()
  async hashed(
    @Param('file') file: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    send(req, res, await this.bundles.byFile(file), HASHED_CACHE);
  }
}

function send(req: Request, res: Response, bundle: EmbedBundle | null, cacheControl: string): void {
  if (!bundle) {
    res.setHeader('Cache-Control', 'no-store');
    throw new NotFoundError('The built embed script');
  }
  const representation = negotiate(bundle, req.headers['accept-encoding']);
  crossOrigin(res);
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('ETag', representation.etag);
  if (etagMatches(req.headers['if-none-match'], representation.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
  if (representation.encoding !== 'identity')
    res.setHeader('Content-Encoding', representation.encoding);
  res.setHeader('Content-Length', String(representation.body.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : representation.body);
}

/** Any site may load the script; helmet's same-origin resource policy would stop it. */
function crossOrigin(res: Response): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  // The policy is for documents; a script has no use for it.
  res.removeHeader('Content-Security-Policy');
}
