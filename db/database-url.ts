/** A postgres:// or postgresql:// URL, as DATABASE_URL and TEST_DATABASE_URL carry it. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/** Where the data lives, for a log line: the PostgreSQL server and database (never the password). */
export function describeDatabase(databaseUrl: string | undefined, sqlitePath: string): string {
  if (!isPostgresUrl(databaseUrl)) return sqlitePath;
  const url = new URL(databaseUrl);
  return `PostgreSQL ${url.host}${url.pathname}`;
}

/**
 * What only the SQLite file has (its file backups and restores) refuses to run when DATABASE_URL
 * points at PostgreSQL, rather than quietly work on a file nobody uses; PostgreSQL has its own tools.
 */
export function refuseOnPostgres(
  what: string,
  instead: string,
  databaseUrl = process.env.DATABASE_URL,
): void {
  if (isPostgresUrl(databaseUrl))
    throw new Error(
      `${what} works on the SQLite file; DATABASE_URL points at PostgreSQL: ${instead}`,
    );
}
