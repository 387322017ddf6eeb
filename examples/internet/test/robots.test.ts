import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRobots } from '../src/robots.js';

const ROBOTS = `# comment
User-agent: mcpkit-fetch
User-agent: another-bot
Disallow: /private      # trailing comment
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search?q=

User-agent: *
Disallow: /
`;

describe('robots.txt', () => {
  it('uses the group naming our product token, case-insensitively', () => {
    const rules = parseRobots(ROBOTS, 'MCPKIT-Fetch');
    expect(rules.isAllowed('/')).toBe(true);
    expect(rules.isAllowed('/private')).toBe(false);
    expect(rules.isAllowed('/private/x')).toBe(false);
    expect(rules.isAllowed('/private/open/doc')).toBe(true);
  });

  it('supports * and $ and matches the query string', () => {
    const rules = parseRobots(ROBOTS, 'mcpkit-fetch');
    expect(rules.isAllowed('/files/a.pdf')).toBe(false);
    expect(rules.isAllowed('/files/a.pdf?x=1')).toBe(true);
    expect(rules.isAllowed('/search?q=cats')).toBe(false);
    expect(rules.isAllowed('/search')).toBe(true);
  });

  it('falls back to the * group, and always allows /robots.txt', () => {
    const rules = parseRobots(ROBOTS, 'unknown-bot');
    expect(rules.isAllowed('/anything')).toBe(false);
    expect(rules.isAllowed('/robots.txt')).toBe(true);
  });

  it('prefers allow on equally long rules, and treats an empty Disallow as none', () => {
    expect(parseRobots('User-agent: *\nDisallow: /a\nAllow: /a', 'x').isAllowed('/a')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow:', 'x').isAllowed('/a')).toBe(true);
    expect(parseRobots('', 'x').isAllowed('/a')).toBe(true);
  });

  it('compares percent-encoded and plain paths alike', () => {
    expect(parseRobots('User-agent: *\nDisallow: /~joe/', 'x').isAllowed('/%7Ejoe/index.html')).toBe(false);
  });

  it('never throws on arbitrary files and paths', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (text, path) => void parseRobots(`User-agent: *\n${text}`, 'x').isAllowed(`/${path}`)));
  });
});
