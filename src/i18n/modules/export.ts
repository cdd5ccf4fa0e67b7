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
};
