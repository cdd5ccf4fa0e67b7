/**
 * The keyboard of an editable combobox with a listbox popup (WAI-ARIA Authoring Practices):
 * a pure function, so the region picker's key handling is tested without a browser.
 */
export interface ComboboxState {
  open: boolean;
  /** Index of the highlighted option, -1 for none. */
  active: number;
  /** Options currently listed. */
  count: number;
  query: string;
}

export interface ComboboxStep {
  open: boolean;
  active: number;
  /** Option to pick now, or null. */
  pick: number | null;
  /** Whether the text field should be emptied. */
  clear: boolean;
  /** Whether the key was used (the caller then prevents its default action). */
  handled: boolean;
}

/**
 * What `key` does: ArrowDown opens the list, then moves down (wrapping); ArrowUp moves up
 * (wrapping); Enter picks the highlighted option, or the first when none is highlighted; Escape
 * closes the list, or empties the field when the list is already closed. Other keys: nothing.
 */
export function comboboxKey(state: ComboboxState, key: string): ComboboxStep {
  const same = { open: state.open, active: state.active, pick: null, clear: false, handled: false };
  const listed = state.open && state.count > 0;
  switch (key) {
    case 'ArrowDown':
      if (!listed) return { ...same, open: true, handled: true };
      return { ...same, active: (state.active + 1) % state.count, handled: true };
    case 'ArrowUp':
      if (!listed) return { ...same, open: true, handled: true };
      return { ...same, active: state.active <= 0 ? state.count - 1 : state.active - 1, handled: true };
    case 'Enter':
      if (!listed) return same;
      return { open: false, active: -1, pick: Math.max(state.active, 0), clear: false, handled: true };
    case 'Escape':
      if (state.open) return { ...same, open: false, active: -1, handled: true };
      if (state.query !== '') return { ...same, clear: true, handled: true };
      return same;
    default:
      return same;
  }
}
