import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/*
 * The search boxes' text matching, one rule for both engines: case ignored (SQLite's LIKE ignores ASCII
 * case, PostgreSQL's LIKE does not, so both sides are lower-cased) and the typed text taken literally
 * (LIKE's wildcards escaped: a search for "50%" means the text, not a pattern).
 */

const literally = (text: string) => text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/** The column's text contains `text`, ignoring case. */
export function containsText(column: SQLWrapper, text: string): SQL {
  return sql`lower(${column}) like ${`%${literally(text)}%`} escape '\\'`;
}

/** The column's text starts with `text`, ignoring case. */
export function startsWithText(column: SQLWrapper, text: string): SQL {
  return sql`lower(${column}) like ${`${literally(text)}%`} escape '\\'`;
}

/** The column's text is `text`, ignoring case. */
export function equalsText(column: SQLWrapper, text: string): SQL {
  return sql`lower(${column}) = ${text.toLowerCase()}`;
}
