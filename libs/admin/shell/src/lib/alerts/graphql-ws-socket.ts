import type { AlertsSocket, AlertsSocketOptions } from '@parley/admin/data-access';

const MAX_RETRY_WAIT_MS = 30_000;

/** A graphql-ws client that retries for as long as it is open, backing off up to 30 seconds. */
export async function openGraphqlWsSocket(options: AlertsSocketOptions): Promise<AlertsSocket> {
  // Loaded on first use, so graphql-ws stays out of the console's first download.
  const { createClient } = await import('graphql-ws/client');
  const client = createClient({
    url: options.url,
    connectionParams: options.connectionParams,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) =>
        setTimeout(
          resolve,
          Math.min(MAX_RETRY_WAIT_MS, 1000 * 2 ** retries) + Math.floor(Math.random() * 1000),
        ),
      ),
    on: {
      connected: (_socket, _payload, wasRetry) => options.onConnected(wasRetry),
      closed: (event) => options.onClosed(closeCodeOf(event)),
    },
  });
  return {
    subscribe: (query, sink) =>
      client.subscribe(
        { query },
        {
          next: (result) =>
            result.errors?.length ? sink.error(result.errors) : sink.next(result.data),
          error: (error) => sink.error(error),
          complete: () => sink.complete(),
        },
      ),
    dispose: () => void client.dispose(),
  };
}

function closeCodeOf(event: unknown): number | undefined {
  const code = (event as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** The WebSocket address of the GraphQL endpoint (`/graphql` → `wss://host/graphql`). */
export function socketUrl(endpoint: string, base: string): string {
  const url = new URL(endpoint, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}
