/**
 * One HTTP GET to an address that was already checked, with the body read as a stream up to a
 * size limit (after decompression, so a small compressed body cannot expand past it).
 *
 * @module
 */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { CheckedAddress } from './resolve-host.js';

/** A response whose body has not been read yet. */
export interface PendingResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** Reads the body, decoded, up to `maxBytes`. */
  read(maxBytes: number): Promise<{ body: Buffer; truncated: boolean }>;
  /** Drops the body without reading it. */
  discard(): void;
}

/** A lookup that always answers with the checked address, whatever the name, so DNS is asked only once. */
function pinnedLookup(pinned: CheckedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all === true) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as LookupFunction;
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(createGunzip());
  if (encoding === 'deflate') return response.pipe(createInflate());
  if (encoding === 'br') return response.pipe(createBrotliDecompress());
  return response;
}

async function readLimited(response: IncomingMessage, maxBytes: number): Promise<{ body: Buffer; truncated: boolean }> {
  const stream = decoded(response);
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const room = maxBytes - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size += room;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      size += chunk.length;
    }
  } finally {
    // Stop downloading: the rest of the body is not wanted (or the stream failed).
    response.destroy();
    if (stream !== response) stream.destroy();
  }
  return { body: Buffer.concat(chunks, size), truncated };
}

/** Sends a GET for `url`, connecting to `address`; resolves when the response headers arrive. */
export function httpGet(url: URL, address: CheckedAddress, headers: Record<string, string>, signal: AbortSignal): Promise<PendingResponse> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'GET', headers, signal, lookup: pinnedLookup(address), agent: false }, (response) => {
      resolve({
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        headers: response.headers,
        read: (maxBytes) => readLimited(response, maxBytes),
        discard: () => response.destroy(),
      });
    });
    request.once('error', reject);
    request.end();
  });
}
