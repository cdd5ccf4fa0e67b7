/**
 * Messages of register reconciliation (issue 19): refusals of a register that cannot be
 * reconciled, the kinds of discrepancy in the verification worklist, and its columns.
 */
export const reconcileId = {
  'reconcile.noId': '{file}: tidak ada kolom id rumah tangga yang bisa dipakai (kolom: {columns}). Sebutkan kolom id-nya.',
  'reconcile.emptyId': '{file}: {count} baris tanpa id rumah tangga (pertama: baris {row}). Tidak ada yang disimpan.',
  'reconcile.idCollision':
    '{file}: id rumah tangga yang sama dipakai {count} baris lain (pertama: baris {row}, sama dengan baris {first}). Id harus unik per rumah tangga; tidak ada yang disimpan.',
  'reconcile.noKode': '{file}: tidak ada kolom kode kelurahan (kolom: {columns}).',
  'reconcile.badKode': '{file}: {count} baris dengan kode kelurahan yang tidak terbaca (pertama: baris {row}, "{value}"). Tidak ada yang disimpan.',
  'reconcile.outsideRegion': '{file}: {count} baris dengan kode kelurahan di luar wilayah {region} (pertama: baris {row}, kode {kode}). Tidak ada yang disimpan.',
  'reconcile.beneficiaryList':
    '{file} tampaknya daftar penerima bantuan (kolom "{column}"), bukan register rumah tangga. Pilih register dengan satu baris per rumah tangga dan kode kelurahannya.',
  'reconcile.kind.only_a': 'hanya di {a}',
  'reconcile.kind.only_b': 'hanya di {b}',
  'reconcile.kind.moved': 'kelurahan berbeda (pindah atau salah kode)',
  'reconcile.kind.duplicate_a': 'NIK kepala ganda di {a}',
  'reconcile.kind.duplicate_b': 'NIK kepala ganda di {b}',
  'reconcile.kind.desil_differs_2plus': 'desil berbeda 2 atau lebih',
  'reconcile.row': 'baris {row} di {file}',
  'reconcile.worklist.kode': 'Kode kelurahan',
  'reconcile.worklist.kind': 'Jenis',
  'reconcile.worklist.where': 'Periksa di',
  'reconcile.worklist.other': 'Kelurahan lain / baris pertama',
  'reconcile.worklist.sheet': 'Daftar verifikasi',
  'reconcile.worklist.rowIn': 'Baris di {file}',
} as const;

export const reconcileEn: Record<keyof typeof reconcileId, string> = {
  'reconcile.noId': '{file}: no usable household id column (columns: {columns}). Name the id column.',
  'reconcile.emptyId': '{file}: {count} row(s) without a household id (first: row {row}). Nothing was stored.',
  'reconcile.idCollision':
    '{file}: a household id is used by {count} other row(s) (first: row {row}, the same as row {first}). Ids must be unique per household; nothing was stored.',
  'reconcile.noKode': '{file}: no kelurahan code column (columns: {columns}).',
  'reconcile.badKode': '{file}: {count} row(s) with an unreadable kelurahan code (first: row {row}, "{value}"). Nothing was stored.',
  'reconcile.outsideRegion': '{file}: {count} row(s) with a kelurahan code outside {region} (first: row {row}, code {kode}). Nothing was stored.',
  'reconcile.beneficiaryList':
    '{file} looks like a beneficiary list (column "{column}"), not a household register. Choose a register with one row per household and its kelurahan code.',
  'reconcile.kind.only_a': 'only in {a}',
  'reconcile.kind.only_b': 'only in {b}',
  'reconcile.kind.moved': 'different kelurahan (moved or mis-coded)',
  'reconcile.kind.duplicate_a': 'head NIK twice in {a}',
  'reconcile.kind.duplicate_b': 'head NIK twice in {b}',
  'reconcile.kind.desil_differs_2plus': 'desil differs by 2 or more',
  'reconcile.row': 'row {row} of {file}',
  'reconcile.worklist.kode': 'Kelurahan code',
  'reconcile.worklist.kind': 'Kind',
  'reconcile.worklist.where': 'Check in',
  'reconcile.worklist.other': 'Other kelurahan / first row',
  'reconcile.worklist.sheet': 'Verification worklist',
  'reconcile.worklist.rowIn': 'Row in {file}',
};
