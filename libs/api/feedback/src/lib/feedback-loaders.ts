import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@parley/api/core';
import DataLoader from 'dataloader';
import { FeedbackQueryService } from './feedback-query.service';
import type { FeedbackStatusChange } from './feedback.types';

/**
 * Per-request batching of what a list asks for item by item: one query for the history of every
 * item on the page. Keyed on the request's context, so loaders die with the request.
 */
@Injectable()
export class FeedbackLoaders {
  private readonly histories = new WeakMap<
    RequestContext,
    DataLoader<string, FeedbackStatusChange[]>
  >();

  constructor(private readonly query: FeedbackQueryService) {}

  history(ctx: RequestContext): DataLoader<string, FeedbackStatusChange[]> {
    let loader = this.histories.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const byItem = await this.query.historyOf(ctx, ids);
        return ids.map((id) => byItem.get(id) ?? []);
      });
      this.histories.set(ctx, loader);
    }
    return loader;
  }
}
