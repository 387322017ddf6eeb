import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectSql } from '../src/sql-text.js';
import { checkStatement } from '../src/statement-policy.js';

describe('reading SQL text', () => {
  it('splits on semicolons outside strings, identifiers, dollar quotes and comments', () => {
    expect(inspectSql("SELECT ';' AS a, \"x;y\" FROM t").statements).toHaveLength(1);
    expect(inspectSql("SELECT E'it\\'s; fine'").statements).toHaveLength(1);
    expect(inspectSql('SELECT $$;$$, $tag$ ; $$ ; $tag$').statements).toHaveLength(1);
    expect(inspectSql('SELECT 1 -- ; not a statement\n').statements).toHaveLength(1);
    expect(inspectSql('SELECT /* a /* nested ; */ comment ; */ 1').statements).toHaveLength(1);
    expect(inspectSql('SELECT $1; SELECT $2').statements).toHaveLength(2);
    expect(inspectSql('SELECT a$b$c FROM t; DROP TABLE t').statements).toHaveLength(2);
    expect(inspectSql('SELECT 1;;  ;').statements).toEqual(['SELECT 1']);
  });

  it('reads the leading keywords past comments and parentheses', () => {
    expect(inspectSql('/* why */ -- note\n ((select 1) union (select 2))').keywords).toEqual(['SELECT']);
    expect(inspectSql('start transaction').keywords).toEqual(['START', 'TRANSACTION']);
    expect(inspectSql('').keywords).toEqual([]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom("'", '"', '$', ';', '-', '/', '*', 'a', ' ', '\n', 'E', '\\', '1') }), (sql) => void inspectSql(sql)));
    fc.assert(fc.property(fc.string(), (sql) => void inspectSql(sql)));
  });
});

describe('the statement policy', () => {
  it('takes SELECT-like statements through a cursor, others directly', () => {
    expect(checkStatement('SELECT 1;', false)).toEqual({ sql: 'SELECT 1', cursor: true });
    expect(checkStatement('WITH x AS (SELECT 1) SELECT * FROM x', false).cursor).toBe(true);
    expect(checkStatement('WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x', true).cursor).toBe(false);
    expect(checkStatement('EXPLAIN SELECT 1', false).cursor).toBe(false);
    expect(checkStatement('INSERT INTO t VALUES (1)', true).cursor).toBe(false);
  });

  it('refuses transaction control and session settings', () => {
    for (const sql of ['BEGIN', 'commit', 'ROLLBACK', 'SET ROLE admin', 'set transaction read write', 'RESET ALL', 'COPY t TO PROGRAM $$id$$', 'SAVEPOINT a']) {
      expect(() => checkStatement(sql, true), sql).toThrow(/statements are not accepted/);
    }
  });
});
