/** Messages of the join module (Bahasa Indonesia first; English must have the same keys). */
export const joinId = {} as const;

export const joinEn: Record<keyof typeof joinId, string> = {};
