import { InjectionToken } from '@angular/core';

/** What the live alerts need of a graphql-ws client. */
export interface AlertsSocket {
  /** Starts one subscription; returns a function that ends it. */
  subscribe(query: string, sink: AlertsSink): () => void;
  dispose(): void;
}

export interface AlertsSink {
  next(data: unknown): void;
  error(error: unknown): void;
  complete(): void;
}

export interface AlertsSocketOptions {
  url: string;
  /** Read at every (re)connection, so a reconnection carries the current token. */
  connectionParams: () => Record<string, unknown>;
  /** After each connection; `wasRetry` when it replaces one that dropped. */
  onConnected(wasRetry: boolean): void;
  /** The close code, when there is one (4403: refused at connect). */
  onClosed(code: number | undefined): void;
}

export type OpenAlertsSocket = (options: AlertsSocketOptions) => Promise<AlertsSocket>;

/**
 * Replaces how the top bar's live alerts connect (tests). Without it the shell opens a graphql-ws
 * client, loaded on first use.
 */
export const ALERTS_SOCKET = new InjectionToken<OpenAlertsSocket>('ALERTS_SOCKET');
