/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2), for a list of tags or `*`. */
export function matchesEtag(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const values = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((v) => v.trim().replace(/^W\//, ''));
  return values.includes('*') || values.includes(etag);
}
