/**
 * SQL text built from names and values that come from files or users, quoted so that nothing in
 * them is read as SQL. Every module that splices a name or a value into a statement uses these.
 */

/** A column or table name as a quoted identifier. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A value as a literal: text quoted, finite numbers as written, anything else NULL. */
export function sqlLiteral(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  return `'${value.replaceAll("'", "''")}'`;
}
