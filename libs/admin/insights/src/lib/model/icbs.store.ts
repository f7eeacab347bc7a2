import { computed, inject, Injectable, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { errorMessage, GraphqlClient } from '@parley/admin/data-access';
import { type InsightsIcbsQuery, InsightsIcbsDocument } from '../generated/graphql';
import { chosenIcb } from './filters';

export type Icb = InsightsIcbsQuery['insightsIcbs'][number];

/** The ICBs the signed-in person reviews, loaded once per visit to the insights pages. */
@Injectable()
export class IcbsStore {
  private readonly client = inject(GraphqlClient);
  readonly icbs = signal<Icb[] | null>(null);
  readonly error = signal<string | null>(null);

  constructor() {
    this.load();
  }

  load(): void {
    this.error.set(null);
    this.client.request(InsightsIcbsDocument, {}).subscribe({
      next: (r) => this.icbs.set(r.insightsIcbs),
      error: (e: unknown) => this.error.set(errorMessage(e)),
    });
  }
}

/** For a page: the address's query parameters, the ICBs on offer and the one chosen. */
export function injectIcbChoice() {
  const store = inject(IcbsStore);
  const route = inject(ActivatedRoute);
  const params = toSignal(route.queryParams, { initialValue: route.snapshot.queryParams });
  const icbs = computed(() => store.icbs() ?? []);
  return { params, icbs, icb: computed(() => chosenIcb(icbs(), params())) };
}
