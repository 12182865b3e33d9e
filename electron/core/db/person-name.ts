/**
 * SQL for the display name of whoever a `*_by` or `user_id` column names: a user's full
 * name, or words for the application's own writes (the demo register, records entered
 * before sign-in existed). Names are looked up at read time; stored rows hold only ids.
 */
export function personNameSql(column: string): string {
  // Inside the subquery a bare `created_by` would be the users row's own column (who made
  // the user), so the column must name its table's alias, or be a bound parameter.
  if (!/^(?:[a-z_]+\.[a-z_]+|@[a-zA-Z]+)$/u.test(column)) {
    throw new Error(
      `personNameSql needs an alias-qualified column or a parameter, not "${column}".`,
    );
  }
  return `coalesce((SELECT u.full_name FROM users u WHERE u.id = ${column}),
    CASE ${column} WHEN 'system' THEN 'The application' WHEN 'demo' THEN 'Demo data' ELSE ${column} END)`;
}
