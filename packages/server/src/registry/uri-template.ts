/**
 * RFC 6570 URI templates: expansion (levels 1–4, without prefix modifiers) and matching a concrete
 * URI back to variables, for resource templates.
 *
 * @module
 */

/** Variables matched from (or expanded into) a URI template. A `*` variable holds a list. */
export type UriVariables = Record<string, string | string[]>;

interface Expression {
  operator: string;
  names: Array<{ name: string; explode: boolean }>;
}

type Part = string | Expression;

const OPERATORS: Record<string, { first: string; sep: string; named: boolean; reserved: boolean }> = {
  '': { first: '', sep: ',', named: false, reserved: false },
  '+': { first: '', sep: ',', named: false, reserved: true },
  '#': { first: '#', sep: ',', named: false, reserved: true },
  '.': { first: '.', sep: '.', named: false, reserved: false },
  '/': { first: '/', sep: '/', named: false, reserved: false },
  ';': { first: ';', sep: ';', named: true, reserved: false },
  '?': { first: '?', sep: '&', named: true, reserved: false },
  '&': { first: '&', sep: '&', named: true, reserved: false },
};

const MAX_TEMPLATE_LENGTH = 4096;

function parse(template: string): Part[] {
  if (template.length > MAX_TEMPLATE_LENGTH) throw new RangeError('URI template too long');
  const parts: Part[] = [];
  let rest = template;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    if (open === -1) {
      parts.push(rest);
      break;
    }
    if (open > 0) parts.push(rest.slice(0, open));
    const close = rest.indexOf('}', open);
    if (close === -1) throw new SyntaxError(`Unclosed expression in URI template: ${template}`);
    let body = rest.slice(open + 1, close);
    const op = body[0] !== undefined && body[0] in OPERATORS && body[0] !== '' ? body[0] : '';
    if (op !== '') body = body.slice(1);
    const names = body.split(',').map((raw) => {
      const explode = raw.endsWith('*');
      const name = (explode ? raw.slice(0, -1) : raw).replace(/:\d+$/, '');
      if (!/^[A-Za-z0-9_.%]+$/.test(name)) throw new SyntaxError(`Invalid variable name "${raw}" in URI template`);
      return { name, explode };
    });
    parts.push({ operator: op, names });
    rest = rest.slice(close + 1);
  }
  return parts;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A parsed RFC 6570 template.
 *
 * @example
 * ```ts
 * const t = new UriTemplate('file:///{+path}{?rev}');
 * t.match('file:///a/b.txt?rev=3'); // { path: 'a/b.txt', rev: '3' }
 * t.expand({ path: 'a/b.txt' });    // 'file:///a/b.txt'
 * ```
 */
export class UriTemplate {
  /** The template text. */
  readonly template: string;
  /** Variable names, in order. */
  readonly variableNames: readonly string[];
  readonly #parts: Part[];
  readonly #regex: RegExp;
  readonly #groups: Array<{ name: string; op: string; explode: boolean }> = [];

  /** @param template - an RFC 6570 template; throws `SyntaxError` when malformed */
  constructor(template: string) {
    this.template = template;
    this.#parts = parse(template);
    this.variableNames = this.#parts.flatMap((p) => (typeof p === 'string' ? [] : p.names.map((n) => n.name)));
    this.#regex = new RegExp(`^${this.#parts.map((p) => this.#partPattern(p)).join('')}$`);
  }

  #partPattern(part: Part): string {
    if (typeof part === 'string') return escapeRegExp(part);
    const spec = OPERATORS[part.operator] ?? OPERATORS['']!;
    if (spec.named && part.operator !== ';') {
      // Query-style expressions: optional, matched loosely and parsed afterwards.
      this.#groups.push({ name: '', op: part.operator, explode: false });
      return `(?:\\${spec.first}([^#]*))?`;
    }
    const value = spec.reserved ? '[^?#]*?' : part.operator === '/' || part.operator === '.' ? '[^/?#.]*' : '[^/?#,]*';
    return part.names
      .map((n, i) => {
        this.#groups.push({ name: n.name, op: part.operator, explode: n.explode });
        const lead = i === 0 ? escapeRegExp(spec.first) : escapeRegExp(spec.sep);
        const body = n.explode ? `${value}(?:${escapeRegExp(spec.sep)}${value})*` : value;
        return `(?:${lead}(${body}))${i === 0 && spec.first === '' ? '' : '?'}`;
      })
      .join('');
  }

  /** Matches a concrete URI; returns its variables, or `undefined` when it does not fit. */
  match(uri: string): UriVariables | undefined {
    if (uri.length > MAX_TEMPLATE_LENGTH * 4) return undefined;
    const m = this.#regex.exec(uri);
    if (m === null) return undefined;
    const vars: UriVariables = {};
    this.#groups.forEach((g, i) => {
      const raw = m[i + 1];
      if (raw === undefined) return;
      if (g.name === '') {
        for (const pair of raw.split('&')) {
          if (pair === '') continue;
          const eq = pair.indexOf('=');
          const key = decodeSafe(eq === -1 ? pair : pair.slice(0, eq));
          vars[key] = decodeSafe(eq === -1 ? '' : pair.slice(eq + 1));
        }
        return;
      }
      const sep = OPERATORS[g.op]?.sep ?? ',';
      vars[g.name] = g.explode ? raw.split(sep).map(decodeSafe) : decodeSafe(raw);
    });
    return vars;
  }

  /** Expands the template with `variables` (missing ones are skipped, per RFC 6570). */
  expand(variables: UriVariables): string {
    return this.#parts
      .map((part) => {
        if (typeof part === 'string') return part;
        const spec = OPERATORS[part.operator] ?? OPERATORS['']!;
        const enc = (v: string): string => (spec.reserved ? encodeURI(v).replace(/%25([0-9A-Fa-f]{2})/g, '%$1') : encodeURIComponent(v));
        const pieces = part.names.flatMap(({ name, explode }) => {
          const value = variables[name];
          if (value === undefined) return [];
          const list = Array.isArray(value) ? value : [value];
          const joined = explode ? list.map(enc).join(spec.sep) : list.map(enc).join(',');
          return [spec.named ? `${name}=${joined}` : joined];
        });
        return pieces.length === 0 ? '' : spec.first + pieces.join(spec.sep);
      })
      .join('');
  }
}
