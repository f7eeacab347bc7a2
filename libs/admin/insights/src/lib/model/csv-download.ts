import { DOCUMENT, inject, Injectable } from '@angular/core';
import { GraphqlClient, MeDocument, SessionStore } from '@parley/admin/data-access';
import { firstValueFrom } from 'rxjs';

export type CsvQuery = Record<string, string | null | undefined>;

/**
 * Downloads the API's CSV exports. A link cannot carry the bearer token, so the file is fetched
 * with it and saved from a Blob.
 */
@Injectable({ providedIn: 'root' })
export class CsvDownloads {
  private readonly session = inject(SessionStore);
  private readonly client = inject(GraphqlClient);
  private readonly document = inject(DOCUMENT);

  /** Fetches `/insights/<file>` and saves it; rejects with a message a person can act on. */
  async save(
    file: 'trends.csv' | 'ko41b.csv',
    query: CsvQuery,
    fallbackName: string,
  ): Promise<void> {
    const url = `/insights/${file}?${searchParams(query)}`;
    let response = await this.fetchWithToken(url);
    if (response.status === 401) {
      // An expired token: any GraphQL request exchanges the refresh token, then try once more.
      await firstValueFrom(this.client.request(MeDocument, {}));
      response = await this.fetchWithToken(url);
    }
    if (!response.ok) throw new Error(await problemOf(response));
    const blob = await response.blob();
    const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
    const link = this.document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    // Give the browser a moment to start the download before the Blob is released.
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  private fetchWithToken(url: string): Promise<Response> {
    const token = this.session.accessToken();
    return fetch(url, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      cache: 'no-store',
    });
  }
}

export function searchParams(query: CsvQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return params.toString();
}

export function fileNameOf(disposition: string | null): string | null {
  const match = disposition ? /filename="([^"]+)"/.exec(disposition) : null;
  return match?.[1] ?? null;
}

async function problemOf(response: Response): Promise<string> {
  if (response.status === 401 || response.status === 403)
    return 'You may not download this file. Sign in again, or ask a platform admin for access.';
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string')
      return `The download failed: ${body.error.message}`;
  } catch {
    // not JSON: fall through
  }
  return `The download failed (HTTP ${response.status}). Please try again.`;
}
