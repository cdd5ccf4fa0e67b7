/**
 * Messages of program coverage (src/analysis/coverage.ts): the nine cells of the bivariate
 * need × coverage map, named in words a non-specialist can read. Bahasa Indonesia first; English
 * has the same keys.
 */
export const coverageId = {
  'coverage.bivariate.lowNeedLowCoverage': 'Kebutuhan rendah, cakupan rendah',
  'coverage.bivariate.lowNeedMidCoverage': 'Kebutuhan rendah, cakupan sedang',
  'coverage.bivariate.lowNeedHighCoverage': 'Kebutuhan rendah, cakupan tinggi',
  'coverage.bivariate.midNeedLowCoverage': 'Kebutuhan sedang, cakupan rendah',
  'coverage.bivariate.midNeedMidCoverage': 'Kebutuhan sedang, cakupan sedang',
  'coverage.bivariate.midNeedHighCoverage': 'Kebutuhan sedang, cakupan tinggi',
  'coverage.bivariate.highNeedLowCoverage': 'Kebutuhan tinggi, cakupan rendah: prioritas, program belum menjangkau',
  'coverage.bivariate.highNeedMidCoverage': 'Kebutuhan tinggi, cakupan sedang',
  'coverage.bivariate.highNeedHighCoverage': 'Kebutuhan tinggi, cakupan tinggi: program sudah menjangkau',
  'coverage.bivariate.needAxis': 'Kebutuhan ({indicator}) →',
  'coverage.bivariate.coverageAxis': 'Cakupan program ({program}) →',
  'coverage.bivariate.tertiles': 'Rendah, sedang dan tinggi = sepertiga kelurahan terbawah, tengah dan teratas di kota ini.',
  'coverage.overCovered':
    'Penerima lebih banyak dari sasaran ({beneficiaries} penerima, {eligible} sasaran): periksa kemungkinan salah sasaran atau data sasaran yang belum diperbarui.',
  'coverage.noEligible': 'Tidak ada sasaran tercatat, cakupan tidak dapat dihitung.',
} as const;

export const coverageEn: Record<keyof typeof coverageId, string> = {
  'coverage.bivariate.lowNeedLowCoverage': 'Low need, low coverage',
  'coverage.bivariate.lowNeedMidCoverage': 'Low need, medium coverage',
  'coverage.bivariate.lowNeedHighCoverage': 'Low need, high coverage',
  'coverage.bivariate.midNeedLowCoverage': 'Medium need, low coverage',
  'coverage.bivariate.midNeedMidCoverage': 'Medium need, medium coverage',
  'coverage.bivariate.midNeedHighCoverage': 'Medium need, high coverage',
  'coverage.bivariate.highNeedLowCoverage': 'High need, low coverage: a priority, the program does not reach it yet',
  'coverage.bivariate.highNeedMidCoverage': 'High need, medium coverage',
  'coverage.bivariate.highNeedHighCoverage': 'High need, high coverage: the program reaches it',
  'coverage.bivariate.needAxis': 'Need ({indicator}) →',
  'coverage.bivariate.coverageAxis': 'Program coverage ({program}) →',
  'coverage.bivariate.tertiles': 'Low, medium and high = the bottom, middle and top third of the city’s kelurahan.',
  'coverage.overCovered': 'More beneficiaries than eligible ({beneficiaries} beneficiaries, {eligible} eligible): check for inclusion errors or an outdated eligible count.',
  'coverage.noEligible': 'No eligible people recorded; coverage cannot be computed.',
};
