/** Messages of the import-geo module (Bahasa Indonesia first; English must have the same keys). */
export const importGeoId = {} as const;

export const importGeoEn: Record<keyof typeof importGeoId, string> = {};
