/** Messages of the regions module (Bahasa Indonesia first; English must have the same keys). */
export const regionsId = {} as const;

export const regionsEn: Record<keyof typeof regionsId, string> = {};
