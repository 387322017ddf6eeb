/**
 * `{ ...source }` for results on the hot path.
 *
 * @module
 */

/**
 * The same shallow copy as `{ ...source }`. On Node 20 (V8 11.3) adding a key to a spread copy,
 * or spreading with extra keys (`{ ...a, k: v }`), takes a slow path of ~0.5–1.2 µs; a copy made
 * by `Object.assign` takes new keys at normal speed. An own `__proto__` key would be assigned as
 * the prototype there, so such a source keeps the spread.
 */
export function shallowCopy<T extends object>(source: T): T {
  if (Object.prototype.hasOwnProperty.call(source, '__proto__')) return { ...source };
  return Object.assign({}, source);
}
