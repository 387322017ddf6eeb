/**
 * Deterministic mutations of JSON values: candidates for the "what we accept, the official schema
 * accepts" direction. A mutation deletes a member, swaps a value for one of another type, breaks a
 * string's format, adds an unknown member or empties/grows an array, at a random place.
 */

/** A seeded PRNG (mulberry32): same seed, same mutations. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Path = Array<string | number>;

const copy = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

const REPLACEMENTS: unknown[] = [null, 0.5, 7, -1, 2 ** 40, 'x', '', 'not a uri', true, {}, [], { a: null }, ['x'], [1]];

/** A random path from the root: descends into a random child with probability 0.65 per level. */
function randomPath(root: unknown, random: () => number): Path {
  const path: Path = [];
  let node = root;
  for (;;) {
    if (typeof node !== 'object' || node === null || random() < 0.35) return path;
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) return path;
    const key = pick(random, keys);
    path.push(key);
    node = (node as Record<string | number, unknown>)[key];
  }
}

function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Returns a mutated deep copy of `value` (one or two mutations). */
export function mutate(value: unknown, random: () => number): unknown {
  let root: unknown = copy(value);
  const rounds = random() < 0.3 ? 2 : 1;
  for (let round = 0; round < rounds; round++) {
    const path = randomPath(root, random);
    const node = getAt(root, path);
    const parentPath = path.slice(0, -1);
    const parent = path.length === 0 ? undefined : (getAt(root, parentPath) as Record<string | number, unknown>);
    const key = path[path.length - 1];
    const set = (next: unknown): void => {
      if (parent === undefined || key === undefined) root = next;
      else parent[key] = next;
    };
    const choice = random();
    if (choice < 0.3 && parent !== undefined && key !== undefined && !Array.isArray(parent)) {
      delete parent[key];
    } else if (choice < 0.45 && typeof node === 'object' && node !== null && !Array.isArray(node)) {
      (node as Record<string, unknown>)[pick(random, ['extra', 'x-y', 'type', 'id', '_meta'])] = copy(pick(random, REPLACEMENTS));
    } else if (choice < 0.55 && Array.isArray(node)) {
      if (node.length > 0 && random() < 0.5) node.push(copy(node[0]));
      else node.length = 0;
    } else if (choice < 0.65 && typeof node === 'number') {
      set(Number.isInteger(node) ? node + 0.5 : Math.round(node));
    } else if (choice < 0.72 && typeof node === 'string') {
      set(pick(random, ['not a uri', '%%', 'a b', '']));
    } else {
      set(copy(pick(random, REPLACEMENTS)));
    }
  }
  return root;
}
