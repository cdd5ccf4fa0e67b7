/** Messages of the workspace: persistence in the browser, workspace files, datasets list. */
export const workspaceId = {
  'workspace.storageUnavailable':
    'Penyimpanan peramban tidak tersedia (mungkin jendela penyamaran/pribadi). Data impor hanya bertahan sampai halaman ditutup; simpan ruang kerja ke berkas agar tidak hilang.',
  'workspace.storageBlocked': 'Penyimpanan peramban sedang dipakai tab lain dari aplikasi ini. Tutup tab lain itu, lalu muat ulang halaman.',
  'workspace.storageFull':
    'Penyimpanan peramban penuh: data ini tidak tersimpan, data yang sudah tersimpan tetap utuh. Hapus dataset yang tidak dipakai atau simpan ruang kerja ke berkas.',
  'workspace.storageFailed': 'Data tidak dapat disimpan di peramban ({detail}); data yang sudah tersimpan tetap utuh.',
  'workspace.replayFailed': 'Dataset "{name}" tidak dapat dimuat ulang ({detail}) dan dilewati; dataset lain tetap dipakai. Hapus lalu impor ulang berkasnya.',
  'workspace.regionMissing': 'Batas wilayah {kode} tidak tersimpan di peramban ini. Pilih wilayah itu lagi dari daftar wilayah atau buka berkas ruang kerja.',
} as const;

export const workspaceEn: Record<keyof typeof workspaceId, string> = {
  'workspace.storageUnavailable':
    'Browser storage is unavailable (perhaps a private window). Imported data lasts only until the page is closed; save the workspace to a file so it is not lost.',
  'workspace.storageBlocked': 'Browser storage is in use by another tab of this app. Close that tab, then reload the page.',
  'workspace.storageFull':
    'Browser storage is full: this data was not saved; what was saved before is intact. Remove datasets you no longer use or save the workspace to a file.',
  'workspace.storageFailed': 'The data could not be saved in the browser ({detail}); what was saved before is intact.',
  'workspace.replayFailed': 'Dataset "{name}" could not be loaded again ({detail}) and was skipped; the other datasets are in use. Remove it and import the file again.',
  'workspace.regionMissing': 'The boundaries of region {kode} are not stored in this browser. Pick the region again from the region list or open a workspace file.',
};
