/**
 * Messages of the analysis methods added through the registry (src/analysis/methods): one block
 * per method, with the keys its descriptor names (its name, legend note, categories, profile rows).
 */
export const analysisMethodsId = {
} as const;

export const analysisMethodsEn: Record<keyof typeof analysisMethodsId, string> = {
};
