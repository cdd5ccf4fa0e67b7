/**
 * Messages of the change map (a value in one year minus another): the unit of a difference of
 * percentages is percentage points, not "%", and the scheme picker is replaced by a note.
 */
export const changeId = {
  'change.points': 'poin persen',
  'change.pointsShort': 'poin',
  'change.schemeNote': 'Peta perubahan memakai kelas simetris di sekitar tanpa perubahan; skema klasifikasi berlaku untuk peta nilai.',
  'change.tooltip': '{indicator}, perubahan {from}–{to}: {value}',
  'change.csvName': 'perubahan',
} as const;

export const changeEn: Record<keyof typeof changeId, string> = {
  'change.points': 'percentage points',
  'change.pointsShort': 'pp',
  'change.schemeNote': 'Change maps use classes symmetric around no change; the classification scheme applies to value maps.',
  'change.tooltip': '{indicator}, change {from}–{to}: {value}',
  'change.csvName': 'change',
};
