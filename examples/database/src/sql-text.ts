/**
 * A small lexer for what the tools need to know about a SQL text before running it: how many
 * statements it holds and which keywords start it. Quotes, dollar quotes and comments are
 * skipped, so a `;` inside a string does not count.
 *
 * @module
 */

/** What {@link inspectSql} found. */
export interface SqlShape {
  /** The statements, each trimmed and without its `;`; comments inside are kept. */
  statements: string[];
  /** The first two keywords of the first statement, upper-cased (leading `(` skipped). */
  keywords: string[];
}

const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

/** The index just past the quoted part, comment or dollar-quoted string starting at `i`, or `i` if none starts there. */
function skipOpaque(sql: string, i: number): number {
  const char = sql[i];
  const next = sql[i + 1];
  if (char === '-' && next === '-') {
    const end = sql.indexOf('\n', i);
    return end < 0 ? sql.length : end + 1;
  }
  if (char === '/' && next === '*') {
    // PostgreSQL block comments nest.
    let depth = 0;
    for (let j = i; j < sql.length; j++) {
      if (sql[j] === '/' && sql[j + 1] === '*') {
        depth++;
        j++;
      } else if (sql[j] === '*' && sql[j + 1] === '/') {
        depth--;
        j++;
        if (depth === 0) return j + 1;
      }
    }
    return sql.length;
  }
  if (char === "'" || char === '"') {
    const escapes = char === "'" && (sql[i - 1] === 'E' || sql[i - 1] === 'e');
    for (let j = i + 1; j < sql.length; j++) {
      if (escapes && sql[j] === '\\') j++;
      else if (sql[j] === char) {
        if (sql[j + 1] === char) j++;
        else return j + 1;
      }
    }
    return sql.length;
  }
  if (char === '$') {
    const tag = DOLLAR_TAG.exec(sql.slice(i, i + 80))?.[0];
    // `$1` is a parameter and `a$b$` an identifier, not dollar quotes.
    if (tag === undefined || /[A-Za-z0-9_$]/.test(sql[i - 1] ?? '')) return i;
    const end = sql.indexOf(tag, i + tag.length);
    return end < 0 ? sql.length : end + tag.length;
  }
  return i;
}

/** The text with comments replaced by a space, for keyword reading. */
function withoutComments(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; ) {
    const end = skipOpaque(sql, i);
    if (end === i) {
      out += sql[i];
      i++;
    } else {
      const isComment = sql.startsWith('--', i) || sql.startsWith('/*', i);
      out += isComment ? ' ' : sql.slice(i, end);
      i = end;
    }
  }
  return out;
}

/** Splits `sql` into statements and reads the first statement's leading keywords. Never throws. */
export function inspectSql(sql: string): SqlShape {
  const statements: string[] = [];
  let start = 0;
  for (let i = 0; i < sql.length; ) {
    const end = skipOpaque(sql, i);
    if (end !== i) {
      i = end;
      continue;
    }
    if (sql[i] === ';') {
      statements.push(sql.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  statements.push(sql.slice(start));
  const meaningful = statements.map((s) => s.trim()).filter((s) => withoutComments(s).trim() !== '');
  const first = meaningful[0] === undefined ? '' : withoutComments(meaningful[0]);
  const keywords = (first.replace(/^[\s(]+/, '').match(/^[A-Za-z_]+(?:\s+[A-Za-z_]+)?/)?.[0] ?? '').toUpperCase().split(/\s+/).filter(Boolean);
  return { statements: meaningful, keywords };
}
