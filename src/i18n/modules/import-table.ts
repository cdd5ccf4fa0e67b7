/** Messages of the import-table module (Bahasa Indonesia first; English must have the same keys). */
export const importTableId = {} as const;

export const importTableEn: Record<keyof typeof importTableId, string> = {};
