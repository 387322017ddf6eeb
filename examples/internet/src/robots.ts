/**
 * robots.txt (RFC 9309): parse the file, pick the group for our user agent, and decide whether a
 * path may be fetched (longest matching rule wins; on a tie, allow wins).
 *
 * @module
 */

interface Rule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

interface Group {
  agents: string[];
  rules: Rule[];
}

/** The rules that apply to one user agent. */
export interface RobotsRules {
  /** Whether `pathAndQuery` (e.g. `/a/b?c=1`) may be fetched. */
  isAllowed(pathAndQuery: string): boolean;
}

/** Allows everything (no robots.txt, or a 4xx for it). */
export const ALLOW_ALL: RobotsRules = { isAllowed: () => true };
/** Allows nothing but /robots.txt (robots.txt unreachable: RFC 9309 says assume complete disallow). */
export const DISALLOW_ALL: RobotsRules = { isAllowed: (path) => path === '/robots.txt' };

function toRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

function normalisePath(path: string): string {
  // Compare percent-encoded forms: decode what is safe to decode so %7E and ~ match.
  try {
    return encodeURI(decodeURI(path));
  } catch {
    return path;
  }
}

function parseGroups(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!lastWasAgent || current === undefined) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else if ((key === 'allow' || key === 'disallow') && current !== undefined) {
      lastWasAgent = false;
      // An empty Disallow allows everything; it is simply no rule.
      if (value === '') continue;
      const pattern = normalisePath(value);
      current.rules.push({ allow: key === 'allow', pattern, regex: toRegex(pattern) });
    } else {
      lastWasAgent = false;
    }
  }
  return groups;
}

/**
 * Parses a robots.txt for the user agent whose product token is `agent` (e.g. `mcpkit-fetch`):
 * the groups naming it, or else the `*` groups.
 */
export function parseRobots(text: string, agent: string): RobotsRules {
  const groups = parseGroups(text);
  const token = agent.toLowerCase();
  let chosen = groups.filter((g) => g.agents.includes(token));
  if (chosen.length === 0) chosen = groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  if (rules.length === 0) return ALLOW_ALL;
  return {
    isAllowed(pathAndQuery) {
      const path = normalisePath(pathAndQuery);
      if (path === '/robots.txt') return true;
      let best: Rule | undefined;
      for (const rule of rules) {
        if (!rule.regex.test(path)) continue;
        if (best === undefined || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
      }
      return best?.allow ?? true;
    },
  };
}
