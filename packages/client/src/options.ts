/**
 * Options of a {@link Client}. Every limit has a documented default.
 *
 * @module
 */
import type { ClientCapabilities, Era, LoggingLevel, SessionOptions, Timers } from '@mcpkit/core';
import type { ResponseCacheOptions } from './cache.js';
import type { ElicitationOptions, RootsOptions, SamplingOptions } from './input-handlers.js';
import type { JsonSchemaValidator } from '@mcpkit/core';

/** Default of {@link ClientOptions.probeTimeout}, ms. */
export const DEFAULT_PROBE_TIMEOUT = 10_000;

/** Default of {@link ClientOptions.requestTimeout}, ms. */
export const DEFAULT_REQUEST_TIMEOUT = 60_000;

/** Options of a {@link Client}. */
export interface ClientOptions {
  /**
   * Capabilities to declare besides those implied by the handlers (`experimental`, `extensions`).
   * `sampling`, `elicitation` and `roots` come from {@link sampling}, {@link elicitation}, {@link roots}.
   */
  capabilities?: ClientCapabilities;
  /** Answers sampling requests (legacy requests and modern input requests alike). */
  sampling?: SamplingOptions;
  /** Answers elicitation requests, form and/or URL mode. */
  elicitation?: ElicitationOptions;
  /** Lists the client's roots. */
  roots?: RootsOptions;
  /**
   * Pin one protocol version. A modern version skips `server/discover` (nothing is sent until the
   * first call); a legacy one goes straight to `initialize`. Default: negotiate.
   */
  protocolVersion?: string;
  /** Pin an era: `'modern'` (no legacy fallback), `'legacy'` (`initialize` only) or `'auto'` (default). */
  era?: Era | 'auto';
  /** How long the `server/discover` probe waits before taking the server for legacy, ms. Default 10 000. */
  probeTimeout?: number;
  /** Default timeout of each request, ms. Default 60 000. */
  requestTimeout?: number;
  /** `input_required` rounds allowed per call before `MCPKIT_TOO_MANY_ROUNDS`. Default 10. */
  maxInputRounds?: number;
  /** Pages a list iterator fetches at most before `MCPKIT_TOO_MANY_ROUNDS`. Default 1000. */
  maxPages?: number;
  /** The response cache: `false` turns it off. Default on, for list calls. */
  cache?: boolean | ResponseCacheOptions;
  /**
   * Checks `structuredContent` against a tool's `outputSchema`. Default: the built-in validator
   * (common 2020-12 keywords, no remote `$ref`). `false` turns checking off.
   */
  outputValidator?: JsonSchemaValidator | false;
  /** Refuse calls the server's capabilities do not cover, with `MCPKIT_CAPABILITY_MISSING`. Default `true`. */
  strictCapabilities?: boolean;
  /** Modern era: the log level sent with every request (`setLoggingLevel` changes it). Default: none. */
  logLevel?: LoggingLevel;
  /** Timers (default: the global ones). */
  timers?: Timers;
  /** Further options of the underlying session (concurrency limits, id generator). */
  session?: Omit<SessionOptions, 'requestTimeout' | 'timers' | 'handlers' | 'generateId'>;
}
