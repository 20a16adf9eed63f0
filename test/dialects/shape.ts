/*
 * A database schema as both engines can describe it, in a small common vocabulary, so that a SQLite
 * file and a PostgreSQL database migrated from the two schemas can be compared with one toEqual.
 */

/** SQLite stores booleans as integers and JSON as text; the meaning is what both must agree on. */
export type CommonType = 'int' | 'text' | 'boolean' | 'json' | 'real';

export type ColumnShape = {
  type: CommonType;
  notNull: boolean;
  /** The default as written, without quotes' casts; null when none. */
  default: string | null;
  /** An id the database hands out (SQLite AUTOINCREMENT, PostgreSQL identity). */
  generated: boolean;
};

export type IndexShape = { columns: string[]; unique: boolean };

export type TriggerEvent = 'UPDATE' | 'DELETE' | 'TRUNCATE';

export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** Every named index, unique constraints included (SQLite keeps those as unique indexes). */
  indexes: Record<string, IndexShape>;
  /** "from columns → table(columns) on update … on delete …", sorted. */
  foreignKeys: string[];
  /** Check constraint name → the columns its expression reads, sorted. */
  checks: Record<string, string[]>;
  /** Trigger name → the event it refuses. */
  triggers: Record<string, TriggerEvent>;
};

export type SchemaShape = Record<string, TableShape>;

/** Both engines' defaults without quoting noise: 'active'::text → 'active', 1 on a boolean → true. */
export function normaliseDefault(raw: string | null, type: CommonType): string | null {
  if (raw === null) return null;
  let value = raw.trim().replace(/::[a-z ]+$/i, '');
  if (value.startsWith('(') && value.endsWith(')')) value = value.slice(1, -1);
  if (type === 'boolean') {
    if (value === '1' || value.toLowerCase() === 'true') return 'true';
    if (value === '0' || value.toLowerCase() === 'false') return 'false';
  }
  return value;
}

/** The columns of `columnNames` that an SQL expression mentions (quoted or not). */
export function columnsIn(expression: string, columnNames: string[]): string[] {
  const words = new Set(expression.match(/[a-z_][a-z0-9_]*/gi) ?? []);
  return columnNames.filter((name) => words.has(name)).sort();
}

export function foreignKey(
  from: string[],
  table: string,
  to: string[],
  onUpdate: string,
  onDelete: string,
): string {
  return `${from.join(',')} → ${table}(${to.join(',')}) on update ${onUpdate.toLowerCase()} on delete ${onDelete.toLowerCase()}`;
}
