import { Controller, Get, Options, Param, Query, Req, Res } from '@nestjs/common';
import { Ctx, NotFoundError, Public, type RequestContext } from '@parley/api/core';
import type { Request, Response } from 'express';
import { matchesEtag } from './etag';
import { renderNotFoundPage, renderPublicPage } from './public-page.html';
import { PublicPolicyService } from './public-policy.service';

const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';

/** Same directives as the app's CSP, but any site may frame the embed variant. */
const EMBED_CSP =
  "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *";

/** The published policy as JSON for the embed and other websites: cacheable, open to any origin. */
@Controller('public/practices')
export class PublicPolicyController {
  constructor(private readonly publicPolicies: PublicPolicyService) {}

  @Get(':slug/policy')
  @Public()
  async policy(
    @Ctx() ctx: RequestContext,
    @Param('slug') slug: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    openToAnyOrigin(res);
    const entry = await this.publicPolicies.bySlug(ctx, slug);
    if (!entry) throw new NotFoundError('The published policy');
    res.setHeader('ETag', entry.etag);
    res.setHeader('Cache-Control', CACHE_CONTROL);
    if (matchesEtag(req.headers['if-none-match'], entry.etag)) {
      res.status(304).end();
      return;
    }
    res.status(200).type('application/json; charset=utf-8').send(entry.json);
  }

  @Options(':slug/policy')
  @Public()
  preflight(@Res() res: Response): void {
    openToAnyOrigin(res);
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'If-None-Match');
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(204).end();
  }
}

/** The hosted policy page; `?embed=1` drops the site chrome and may be framed by any site. */
@Controller('p')
export class PublicPolicyPageController {
  constructor(private readonly publicPolicies: PublicPolicyService) {}

  @Get(':slug')
  @Public()
  async page(
    @Ctx() ctx: RequestContext,
    @Param('slug') slug: string,
    @Query('embed') embedQuery: string | undefined,
    @Query('sent') sent: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const entry = await this.publicPolicies.bySlug(ctx, slug);
    const embed = isEmbedQuery(embedQuery);
    if (embed) allowFraming(res);
    res.type('text/html; charset=utf-8');
    if (!entry) {
      res.setHeader('Cache-Control', 'no-cache');
      res.status(404).send(renderNotFoundPage());
      return;
    }
    // After the no-script form: the thank-you with the item's reference (shown only if well formed).
    const sentReference =
      typeof sent === 'string' && RECEIPT_REFERENCE.test(sent) ? sent : undefined;
    res.setHeader('Cache-Control', sentReference ? 'no-store' : CACHE_CONTROL);
    res.status(200).send(renderPublicPage(entry.policy, { embed, slug, form: { sentReference } }));
  }
}

/** A feedback receipt's reference: the first 8 hex digits of the item's id, upper case. */
const RECEIPT_REFERENCE = /^[0-9A-F]{8}$/;

export function isEmbedQuery(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** The iframe variant may be framed by any site; it runs no script at all. */
export function allowFraming(res: Response): void {
  res.setHeader('Content-Security-Policy', EMBED_CSP);
  res.removeHeader('X-Frame-Options');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
}

function openToAnyOrigin(res: Response): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'ETag');
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
}
