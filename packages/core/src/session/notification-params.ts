/**
 * Cheap checks of the params of the two notifications the session itself consumes:
 * `notifications/progress` and `notifications/cancelled`.
 *
 * @module
 */
import { isRequestId } from '../jsonrpc/envelope.js';
import type { RequestId } from '../schemas/jsonrpc.js';
import type { ParamsObject, ProgressUpdate } from './types.js';

/** Valid `notifications/progress` params, split into the token and the update. */
export interface ProgressParams {
  readonly token: RequestId;
  readonly update: ProgressUpdate;
}

/** Valid `notifications/cancelled` params. */
export interface CancelledParams {
  readonly requestId: RequestId;
  readonly reason: string | undefined;
}

/** The progress params, or `undefined` when they do not match the spec. */
export function readProgressParams(params: ParamsObject | undefined): ProgressParams | undefined {
  if (params === undefined) return undefined;
  const { progressToken, progress, total, message } = params;
  if (!isRequestId(progressToken) || typeof progress !== 'number') return undefined;
  if (total !== undefined && typeof total !== 'number') return undefined;
  if (message !== undefined && typeof message !== 'string') return undefined;
  const update: ProgressUpdate = { progress };
  if (total !== undefined) update.total = total;
  if (message !== undefined) update.message = message;
  return { token: progressToken, update };
}

/** The cancellation params, or `undefined` when they do not match the spec. */
export function readCancelledParams(params: ParamsObject | undefined): CancelledParams | undefined {
  if (params === undefined) return undefined;
  const { requestId, reason } = params;
  if (!isRequestId(requestId)) return undefined;
  if (reason !== undefined && typeof reason !== 'string') return undefined;
  return { requestId, reason };
}
