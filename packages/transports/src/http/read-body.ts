/**
 * Reads a request or response body as UTF-8 text with a size limit.
 *
 * @module
 */

/** Why a body could not be read. */
export type ReadBodyFailure = 'too-large' | 'aborted';

/** The outcome of {@link readBodyText}. */
export type ReadBodyResult = { ok: true; text: string } | { ok: false; reason: ReadBodyFailure };

/**
 * Reads the whole body, stopping as soon as it passes `maxBytes` (so a huge body is never
 * buffered). A declared `content-length` over the limit fails without reading.
 */
export async function readBodyText(message: Request | Response, maxBytes: number): Promise<ReadBodyResult> {
  const declared = Number(message.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await message.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'too-large' };
  }
  if (message.body === null) return { ok: true, text: '' };
  const reader = message.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let size = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large' };
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  }
  return { ok: true, text: text + decoder.decode() };
}
