import { describe, expect, it } from 'vitest';
import { comboboxKey, type ComboboxState } from '../../../src/ui/combobox-keys';

const state = (over: Partial<ComboboxState> = {}): ComboboxState => ({ open: true, active: -1, count: 3, query: 'blitar', ...over });

describe('comboboxKey', () => {
  it('ArrowDown opens a closed list without moving, then moves down and wraps', () => {
    expect(comboboxKey(state({ open: false }), 'ArrowDown')).toMatchObject({ open: true, active: -1, handled: true });
    expect(comboboxKey(state(), 'ArrowDown').active).toBe(0);
    expect(comboboxKey(state({ active: 1 }), 'ArrowDown').active).toBe(2);
    expect(comboboxKey(state({ active: 2 }), 'ArrowDown').active).toBe(0);
  });

  it('ArrowUp moves up and wraps to the last option', () => {
    expect(comboboxKey(state(), 'ArrowUp').active).toBe(2);
    expect(comboboxKey(state({ active: 0 }), 'ArrowUp').active).toBe(2);
    expect(comboboxKey(state({ active: 2 }), 'ArrowUp').active).toBe(1);
  });

  it('Enter picks the highlighted option, or the first; does nothing with no list', () => {
    expect(comboboxKey(state({ active: 1 }), 'Enter')).toEqual({ open: false, active: -1, pick: 1, clear: false, handled: true });
    expect(comboboxKey(state(), 'Enter').pick).toBe(0);
    expect(comboboxKey(state({ count: 0 }), 'Enter')).toMatchObject({ pick: null, handled: false });
    expect(comboboxKey(state({ open: false }), 'Enter')).toMatchObject({ pick: null, handled: false });
  });

  it('Escape closes an open list, then empties the field, then lets the key through', () => {
    expect(comboboxKey(state({ active: 1 }), 'Escape')).toMatchObject({ open: false, active: -1, clear: false, handled: true });
    expect(comboboxKey(state({ open: false }), 'Escape')).toMatchObject({ clear: true, handled: true });
    expect(comboboxKey(state({ open: false, query: '' }), 'Escape').handled).toBe(false);
  });

  it('leaves other keys to the text field', () => {
    expect(comboboxKey(state({ active: 1 }), 'a')).toEqual({ open: true, active: 1, pick: null, clear: false, handled: false });
  });
});
