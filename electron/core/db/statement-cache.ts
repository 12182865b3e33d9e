import type { Statement } from 'better-sqlite3';
import type { Sqlite } from './open-database';

/** Prepares each SQL text once per connection and hands back the same statement after. */
export type Prepare = (sql: string) => Statement<unknown[]>;

export function statementCache(sqlite: Sqlite): Prepare {
  const statements = new Map<string, Statement<unknown[]>>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}
