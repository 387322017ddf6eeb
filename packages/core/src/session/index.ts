/**
 * Public barrel of the JSON-RPC layer and session. Curated: every name here is public API.
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
