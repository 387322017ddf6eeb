/**
 * Runs a handler that may need client input (tools/call, prompts/get, resources/read) in the
 * request's era: legacy → server-to-client requests; modern → `input_required` rounds. A handler
 * may also hand itself over to a background task (tasks extension) through `ctx.startTask()`.
 *
 * @module
 */
import { ErrorCode, McpError, type CapabilitiesObject, type ParamsObject, type RequestContext, type ResultObject } from '@mcpkit/core';
import { Cancellation } from '../context/cancellation.js';
import type { RequestEra } from '../context/era.js';
import { createServerContext, type ServerContext } from '../context/server-context.js';
import { legacyInputChannel, type InputChannel, type InputRequest } from './input-channel.js';
import { bindingOf, type RequestStateCodec } from './request-state.js';
import { runRound } from './run-round.js';

/** A background task that took over a handler run (see `TaskLauncher`). */
export interface LaunchedTask {
  /** The result sent now instead of the request's normal result. */
  readonly handle: ResultObject;
  /** The channel later input requests go through (the task parks for `tasks/update`). */
  readonly channel: InputChannel;
  /** Aborted when the task is cancelled. */
  readonly signal: AbortSignal;
  /** Records the final result of the run. */
  complete(result: ResultObject): void;
  /** Records a failure of the run (a protocol-level error). */
  fail(error: unknown): void;
}

/** Starts a task for the current request, or returns `undefined` when it may not run as one. */
export type TaskLauncher = () => Promise<LaunchedTask | undefined>;

/** What {@link executeWithInputs} needs. */
export interface ExecuteOptions<T> {
  rctx: RequestContext;
  /** The request's cancellation (client cancellation, connection close, handler timeout). */
  cancellation: Cancellation;
  era: RequestEra;
  params: ParamsObject;
  meta: Record<string, unknown>;
  /** Salient params that bind a `requestState` to this request. */
  salient: unknown;
  codec: RequestStateCodec;
  stateTtlMs: number;
  /** Runs the handler. */
  run: (ctx: ServerContext) => Promise<T>;
  /** Turns the handler's value into the result object. */
  finish: (value: T) => Promise<ResultObject>;
  /** Present when the handler may become a task. */
  launchTask?: TaskLauncher | undefined;
  /** Starts the task before the handler runs (a task tool called by a client that opted in). */
  startTaskImmediately?: boolean;
}

/** Forwards to a channel that can be swapped once a task takes over; legacy by default. */
class SwitchableChannel implements InputChannel {
  target: InputChannel | undefined;
  constructor(readonly rctx: RequestContext, readonly capabilities: CapabilitiesObject) {}
  request(input: InputRequest, key: string | undefined): ReturnType<InputChannel['request']> {
    // Built on first use: most handlers never ask for input.
    this.target ??= legacyInputChannel(this.rctx, this.capabilities);
    return this.target.request(input, key);
  }
}

type Step<T> = { kind: 'value'; value: T } | { kind: 'task'; handle: ResultObject };

/** Runs a handler in the request's era and returns the result object to send. */
export async function executeWithInputs<T>(options: ExecuteOptions<T>): Promise<ResultObject> {
  const { rctx, era } = options;
  // Follows the request until a task takes the run over; no AbortSignal unless the handler reads one.
  const cancellation = new Cancellation(options.cancellation);
  let task: LaunchedTask | undefined;
  let signalTaskStarted: ((step: Step<T>) => void) | undefined;
  // Only a run that may become a task needs to race its value against the task's start.
  const taskStarted =
    options.launchTask === undefined
      ? undefined
      : new Promise<Step<T>>((resolve) => {
          signalTaskStarted = resolve;
        });

  const startTask = async (): Promise<void> => {
    if (task !== undefined || options.launchTask === undefined) return;
    const launched = await options.launchTask();
    if (launched === undefined) return;
    task = launched;
    // From now on the run belongs to the task: the request's cancellation no longer reaches it.
    cancellation.detach();
    launched.signal.addEventListener('abort', () => cancellation.abort(launched.signal.reason), { once: true });
    channel.target = launched.channel;
    signalTaskStarted?.({ kind: 'task', handle: launched.handle });
  };

  const channel = new SwitchableChannel(rctx, era.clientCapabilities);
  const runOnce = (runCancellation: Cancellation): Promise<Step<T>> => {
    const ctx = createServerContext({ rctx, era, meta: options.meta, cancellation: runCancellation, channel, startTask });
    const running = (async () => {
      // Nobody is waiting for a cancelled request (the spec sends it no response): skip the work.
      if (runCancellation.aborted) throw new McpError(ErrorCode.InvalidRequest, 'Request cancelled');
      if (options.startTaskImmediately === true) await startTask();
      return options.run(ctx);
    })();
    const value = running.then((result): Step<T> => ({ kind: 'value', value: result }));
    if (taskStarted === undefined) return value;
    running.then(
      async (result) => {
        if (task !== undefined) task.complete(await options.finish(result));
      },
      (error: unknown) => task?.fail(error),
    ).catch((error: unknown) => task?.fail(error));
    return Promise.race([value, taskStarted]);
  };

  try {
    let step: Step<T>;
    if (era.era === 'legacy') {
      step = await runOnce(cancellation);
    } else {
      let binding: Promise<string> | undefined;
      const outcome = await runRound<Step<T>>({
        inputResponses: options.params.inputResponses,
        requestState: options.params.requestState,
        binding: () => (binding ??= bindingOf(rctx.method, options.salient)),
        capabilities: era.clientCapabilities,
        codec: options.codec,
        ttlMs: options.stateTtlMs,
        cancellation,
        run: (replay, roundCancellation) => {
          channel.target = replay;
          return runOnce(roundCancellation);
        },
      });
      if (outcome.kind === 'input_required') return outcome.result;
      step = outcome.value;
    }
    return step.kind === 'task' ? step.handle : await options.finish(step.value);
  } finally {
    if (task === undefined) cancellation.detach();
  }
}
