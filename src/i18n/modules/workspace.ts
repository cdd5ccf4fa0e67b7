/** Messages of the workspace module (Bahasa Indonesia first; English must have the same keys). */
export const workspaceId = {} as const;

export const workspaceEn: Record<keyof typeof workspaceId, string> = {};
