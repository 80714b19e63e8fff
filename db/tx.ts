// Types shared by every module that talks to the database: a transaction of the one client, something that
// runs queries (the client or a transaction), and the shape mysql2 gives the rows of a raw `execute`.
// Types only, so scripts and tests may import it without opening a pool.
import type { Database } from "./index";

/** A transaction of the application's database. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The client itself or a transaction: reads that work inside or outside one. */
export type Executor = Database | Tx;

/** What `execute(sql`SELECT …`)` resolves to with mysql2: the rows, then the field descriptions. */
export type Rows<T> = [T[], unknown];

/** Rows changed by a raw `execute(sql`INSERT … / UPDATE …`)`. */
export const affectedRows = (result: unknown): number => Number((result as [{ affectedRows?: number }])[0]?.affectedRows ?? 0);
