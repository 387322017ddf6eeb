/**
 * Where tasks live (tasks extension): a small pluggable interface and the in-memory default.
 *
 * @module
 */

/** The status of a task. `completed`, `failed` and `cancelled` are terminal. */
export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

/** Everything stored about one task. */
export interface TaskRecord {
  /** Unique id. */
  taskId: string;
  /** Current status. */
  status: TaskStatus;
  /** A human-readable status line. */
  statusMessage?: string;
  /** ISO 8601 creation time. */
  createdAt: string;
  /** ISO 8601 time of the last change. */
  lastUpdatedAt: string;
  /** How long the task stays available after creation, in ms. */
  ttlMs: number;
  /** Suggested polling interval in ms. */
  pollIntervalMs: number;
  /** Outstanding input requests while `input_required`. */
  inputRequests?: Record<string, unknown>;
  /** The final result when `completed`. */
  result?: Record<string, unknown>;
  /** The JSON-RPC error when `failed`. */
  error?: { code: number; message: string; data?: unknown };
}

/**
 * Persists tasks. Implementations must make `create` durable before it resolves (a `get` right
 * after must find the task) and must never change a task once it is terminal.
 */
export interface TaskStore {
  /** Stores a new task. */
  create(record: TaskRecord): Promise<void>;
  /** The task, or `undefined` when unknown or expired. */
  get(taskId: string): Promise<TaskRecord | undefined>;
  /** Applies `patch` unless the task is terminal; returns the task as stored afterwards. */
  update(taskId: string, patch: Partial<Omit<TaskRecord, 'taskId' | 'createdAt'>>): Promise<TaskRecord | undefined>;
}

const TERMINAL: ReadonlySet<TaskStatus> = new Set(['completed', 'failed', 'cancelled']);

/** True for `completed`, `failed` and `cancelled`. */
export function isTerminal(status: TaskStatus): boolean {
  return TERMINAL.has(status);
}

/** Options of {@link InMemoryTaskStore}. */
export interface InMemoryTaskStoreOptions {
  /** Most tasks kept at once; the oldest are dropped first. Default 10 000. */
  maxTasks?: number;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
}

/**
 * The default task store: a `Map` in this process, expiring tasks after their `ttlMs`.
 *
 * @example
 * ```ts
 * const server = new McpServer(info, { taskStore: new InMemoryTaskStore({ maxTasks: 1000 }) });
 * ```
 */
export class InMemoryTaskStore implements TaskStore {
  readonly #tasks = new Map<string, TaskRecord>();
  readonly #maxTasks: number;
  readonly #now: () => number;

  /** @param options - capacity and clock */
  constructor(options: InMemoryTaskStoreOptions = {}) {
    this.#maxTasks = options.maxTasks ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  async create(record: TaskRecord): Promise<void> {
    while (this.#tasks.size >= this.#maxTasks) {
      const oldest = this.#tasks.keys().next().value;
      if (oldest === undefined) break;
      this.#tasks.delete(oldest);
    }
    this.#tasks.set(record.taskId, structuredClone(record));
  }

  async get(taskId: string): Promise<TaskRecord | undefined> {
    const record = this.#tasks.get(taskId);
    if (record === undefined) return undefined;
    if (Date.parse(record.createdAt) + record.ttlMs <= this.#now()) {
      this.#tasks.delete(taskId);
      return undefined;
    }
    return structuredClone(record);
  }

  async update(taskId: string, patch: Partial<Omit<TaskRecord, 'taskId' | 'createdAt'>>): Promise<TaskRecord | undefined> {
    const record = this.#tasks.get(taskId);
    if (record === undefined) return undefined;
    if (!isTerminal(record.status)) {
      Object.assign(record, patch);
      for (const [key, value] of Object.entries(patch)) if (value === undefined) delete (record as unknown as Record<string, unknown>)[key];
    }
    return structuredClone(record);
  }
}
