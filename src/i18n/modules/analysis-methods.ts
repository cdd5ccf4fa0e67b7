/**
 * Messages of the analysis methods added through the registry (src/analysis/methods): one block
 * per method, with the keys its descriptor names (its name, legend note, categories, profile rows).
 */
export const analysisMethodsId = {
  // Local Geary (src/analysis/methods/geary.ts)
  'analysis.method.geary': 'Geary lokal (kemiripan dengan tetangga)',
  'analysis.note.geary': 'C lokal Geary: kecil bila kelurahan mirip tetangganya. p semu dari {permutations} permutasi bersyarat, seed {seed} (seperti GeoDa).',
  'geary.hh': 'Tinggi-Tinggi (mirip tetangga)',
  'geary.ll': 'Rendah-Rendah (mirip tetangga)',
  'geary.other': 'Mirip tetangga, lainnya',
  'geary.negative': 'Berbeda dari tetangga',
  'panel.statistic.geary': 'C lokal (Geary)',
  // Bivariate local Moran (src/analysis/methods/lisa-bv.ts)
  'analysis.method.lisa-bv': 'LISA bivariat (dua indikator)',
  'analysis.note.lisa-bv':
    'Indikator di peta dibandingkan dengan indikator kedua di kelurahan tetangganya. p semu dari {permutations} permutasi bersyarat, seed {seed} (seperti GeoDa).',
  'panel.lagSecond': 'Indikator kedua di tetangga (baku)',
  'panel.statistic.lisa-bv': 'I lokal bivariat',
} as const;

export const analysisMethodsEn: Record<keyof typeof analysisMethodsId, string> = {
  'analysis.method.geary': 'Local Geary (similarity to neighbours)',
  'analysis.note.geary': 'Local Geary C: small where a kelurahan resembles its neighbours. Pseudo p from {permutations} conditional permutations, seed {seed} (as GeoDa).',
  'geary.hh': 'High-High (similar to neighbours)',
  'geary.ll': 'Low-Low (similar to neighbours)',
  'geary.other': 'Similar to neighbours, other',
  'geary.negative': 'Unlike its neighbours',
  'panel.statistic.geary': 'Local C (Geary)',
  'analysis.method.lisa-bv': 'Bivariate LISA (two indicators)',
  'analysis.note.lisa-bv':
    'The indicator on the map against the second indicator in its neighbouring kelurahan. Pseudo p from {permutations} conditional permutations, seed {seed} (as GeoDa).',
  'panel.lagSecond': 'Second indicator in the neighbours (standardised)',
  'panel.statistic.lisa-bv': 'Bivariate local I',
};
