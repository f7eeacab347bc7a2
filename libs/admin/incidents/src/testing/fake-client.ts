import type { DocumentNode } from 'graphql';
import { type Observable, throwError } from 'rxjs';

/** A GraphqlClient stand-in for the specs: answers per operation and records every call. */
export class FakeClient {
  readonly calls: { document: DocumentNode; variables: unknown }[] = [];
  private readonly answers = new Map<DocumentNode, (variables: never) => Observable<unknown>>();

  answer<V>(document: DocumentNode, respond: (variables: V) => Observable<unknown>): void {
    this.answers.set(document, respond as (variables: never) => Observable<unknown>);
  }

  request(document: DocumentNode, variables: unknown): Observable<unknown> {
    this.calls.push({ document, variables });
    const respond = this.answers.get(document);
    return respond
      ? respond(variables as never)
      : throwError(() => new Error('unexpected operation'));
  }

  variablesOf(document: DocumentNode): unknown[] {
    return this.calls.filter((c) => c.document === document).map((c) => c.variables);
  }
}

/** Lets pending promises, timers and change detection run. */
export async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
