/**
 * Public barrel of the JSON-RPC session. Curated: every name here is public API.
 *
 * @module
 */
export type {
  HandlerTable,
  NotificationHandler,
  NotificationOptions,
  ParamsObject,
  ProgressUpdate,
  RequestContext,
  RequestHandler,
  RequestOptions,
  ResultObject,
  SessionApi,
  SessionOptions,
  Timers,
} from './types.js';
export { Session } from './session.js';
export { withParams } from './with-params.js';
export { DEFAULT_REQUEST_TIMEOUT } from './outbound.js';
export { DEFAULT_MAX_CONCURRENT_REQUESTS, DEFAULT_MAX_QUEUED_REQUESTS } from './inbound.js';
