/**
 * Messages printed inside exported map layouts (PDF): Bahasa Indonesia first; English has the same
 * keys and placeholders. The caller fills `MapPage.labels`, `date` and `synthetic` from these.
 */
export const exportId = {
  'export.scale': 'Skala',
  'export.north': 'U',
  'export.page': 'Halaman {n} dari {total}',
  'export.created': 'Dibuat {date}',
  'export.source': 'Sumber data: {source}',
  'export.attribution': 'Batas wilayah: {attribution}',
  'export.synthetic': 'Data contoh (sintetis)',
  'export.atlasTitle': '{title} — Kecamatan {kecamatan}',
  // The table tab's CSV: a search narrows the rows, so the file and the button say so.
  'export.table.filtered': "Disaring: '{query}' ({n} dari {total} kelurahan)",
  'export.table.buttonFiltered': 'Unduh CSV ({n} tersaring)',
  'export.table.count': '{indicator} ({unit})',
  // The RTLH Excel list's total row, under the kelurahan names.
  'export.total': 'Jumlah ({n} kelurahan)',
  // The printed legend's line on how LISA clusters were tested.
  'export.legend.lisa': 'p ≤ {alpha}, {permutations} permutasi',
} as const;

export const exportEn: Record<keyof typeof exportId, string> = {
  'export.scale': 'Scale',
  'export.north': 'N',
  'export.page': 'Page {n} of {total}',
  'export.created': 'Created {date}',
  'export.source': 'Data source: {source}',
  'export.attribution': 'Boundaries: {attribution}',
  'export.synthetic': 'Sample data (synthetic)',
  'export.atlasTitle': '{title} — {kecamatan} district',
  'export.table.filtered': "Filtered: '{query}' ({n} of {total} kelurahan)",
  'export.table.buttonFiltered': 'Download CSV ({n} filtered)',
  'export.table.count': '{indicator} ({unit})',
  'export.total': 'Total ({n} kelurahan)',
  'export.legend.lisa': 'p ≤ {alpha}, {permutations} permutations',
};
