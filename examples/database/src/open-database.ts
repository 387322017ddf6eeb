/**
 * Picks the database: a PostgreSQL server when a connection string is given, otherwise an
 * embedded PGlite filled with the sample shop data.
 *
 * @module
 */
import { LazyDatabase } from './lazy-database.js';
import { PgDatabase } from './pg-database.js';
import { PgliteDatabase } from './pglite-database.js';
import { seedSampleData } from './seed.js';

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** A `postgres://` URL (e.g. `process.env.DATABASE_URL`); absent or empty → embedded PGlite. */
  url?: string | undefined;
}

/**
 * The database the server will serve. Returns at once: the pool connects on first use, and PGlite
 * (a few seconds to start) opens on first use or on `warmUp()`.
 */
export function openDatabase(options: OpenDatabaseOptions = {}): LazyDatabase {
  const url = options.url;
  if (url !== undefined && url !== '') return new LazyDatabase('postgres', () => Promise.resolve(new PgDatabase({ connectionString: url })));
  return new LazyDatabase('pglite', async () => {
    const db = await PgliteDatabase.open();
    await seedSampleData(db);
    return db;
  });
}
