/**
 * An indicator's name with its unit, for titles and table headings: "Penduduk miskin (%)". A
 * label the user typed at import often carries its own note in brackets ("Penduduk miskin
 * (impor)"); the unit then joins that note, "Penduduk miskin (impor, %)", instead of a second
 * pair of brackets, and a unit the label already names is not said twice.
 */

export function labelWithUnit(label: string, unit: string): string {
  const name = label.trim();
  const u = unit.trim();
  if (!u || name.toLocaleLowerCase().includes(`(${u.toLocaleLowerCase()})`) || name.toLocaleLowerCase().endsWith(u.toLocaleLowerCase())) return name;
  return name.endsWith(')') ? `${name.slice(0, -1)}, ${u})` : `${name} (${u})`;
}
