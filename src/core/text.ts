/**
 * A LIKE pattern matching `text` anywhere. Wildcards and backslashes typed by a
 * user are dropped (the search means plain text), so SQLite and PostgreSQL,
 * which escape differently, answer alike.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '')}%`;
}
