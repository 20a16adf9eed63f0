/** A postgres:// or postgresql:// URL, as DATABASE_URL and TEST_DATABASE_URL carry it. */
export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/**
 * The portal and the worker do not run on PostgreSQL yet (#17: the data layer is still synchronous
 * SQLite); only `db:migrate` and `db:copy-to-postgres` follow DATABASE_URL. Refuse to start rather
 * than quietly serve from the SQLite file while the operator believes the data goes to PostgreSQL.
 */
export function refusePostgresRuntime(databaseUrl = process.env.DATABASE_URL): void {
  if (isPostgresUrl(databaseUrl)) {
    throw new Error(
      'DATABASE_URL points at PostgreSQL, but the portal runs on SQLite only for now (see README, ' +
        '"When one machine is not enough"); unset DATABASE_URL to use DATABASE_PATH.',
    );
  }
}
