/**
 * SQL for the display name of whoever a `*_by` or `user_id` column names: a user's full
 * name, or words for the application's own writes (the demo register, records entered
 * before sign-in existed). Names are looked up at read time; stored rows hold only ids.
 */
export function personNameSql(column: string): string {
  return `coalesce((SELECT full_name FROM users WHERE id = ${column}),
    CASE ${column} WHEN 'system' THEN 'The application' WHEN 'demo' THEN 'Demo data' ELSE ${column} END)`;
}
