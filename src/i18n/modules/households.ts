/** Messages of the households module (Bahasa Indonesia first; English must have the same keys). */
export const householdsId = {} as const;

export const householdsEn: Record<keyof typeof householdsId, string> = {};
