/**
 * `Accept` and `Content-Type` checks for the JSON and SSE media types.
 *
 * @module
 */

interface MediaRange {
  type: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header.split(',').flatMap((part) => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    if (range === undefined || range === '') return [];
    let q = 1;
    for (const param of params) {
      const [k, v] = param.trim().split('=');
      if (k === 'q' && v !== undefined) q = Number(v);
    }
    return [{ type: range.trim(), q: Number.isFinite(q) ? q : 0 }];
  });
}

/**
 * True if the `Accept` header allows `mediaType`. An absent header accepts anything (RFC 9110).
 *
 * @param accept - the `Accept` header value or `null`
 * @param mediaType - e.g. `application/json`
 */
export function accepts(accept: string | null, mediaType: string): boolean {
  if (accept === null || accept.trim() === '') return true;
  const [major] = mediaType.split('/');
  return parseAccept(accept).some(
    (r) => r.q > 0 && (r.type === mediaType || r.type === '*/*' || r.type === `${major}/*`),
  );
}

/** True if `Content-Type` is `application/json` (parameters allowed, charset must be UTF-8). */
export function isJsonContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [type, ...params] = contentType.toLowerCase().split(';');
  if (type?.trim() !== 'application/json') return false;
  return params.every((p) => {
    const [k, v] = p.trim().split('=');
    return k !== 'charset' || v?.replace(/"/g, '') === 'utf-8';
  });
}
