/**
 * The committed synthetic DTSEN-like and P3KE-like registers: reproducible from the seed, every
 * row marked SINTETIS, and carrying every kind of discrepancy the reconciliation must find.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderRegisterFiles, REGISTER_A_HEADER, REGISTER_B_HEADER } from '../../../src/cli/demo/registers';
import { PROJECT_ROOT } from '../../../src/cli/generate-demo';
import { generateRegisterDemo, REGISTER_A_FILE, REGISTER_B_FILE } from '../../../src/cli/generate-registers';

const DIR = join(PROJECT_ROOT, 'data', 'demo');

describe('synthetic registers', () => {
  const registers = generateRegisterDemo();
  const files = renderRegisterFiles(registers);

  it('are labelled synthetic in their names and on every row', () => {
    expect(REGISTER_A_FILE).toMatch(/sintetis/);
    expect(REGISTER_B_FILE).toMatch(/sintetis/);
    for (const text of [files.a, files.b]) {
      const lines = text.trimEnd().split('\n');
      expect(lines.slice(1).every((l) => l.endsWith(',SINTETIS'))).toBe(true);
    }
    expect(files.a.split('\n')[0]).toBe(REGISTER_A_HEADER.join(','));
    expect(files.b.split('\n')[0]).toBe(REGISTER_B_HEADER.join(','));
  });

  it('equal the committed files byte for byte (regenerate with npx tsx src/cli/generate-registers.ts)', () => {
    expect(readFileSync(join(DIR, REGISTER_A_FILE), 'utf8')).toBe(files.a);
    expect(readFileSync(join(DIR, REGISTER_B_FILE), 'utf8')).toBe(files.b);
  });

  it('plant every kind of discrepancy, in numbers consistent with the rows', () => {
    const total = { both: 0, onlyA: 0, onlyB: 0, movedIn: 0, movedOut: 0, duplicatesA: 0, duplicatesB: 0, desilSame: 0, desilDiffers2plus: 0 };
    for (const c of registers.planted.values()) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += c[k];
    expect(registers.planted.size).toBe(54);
    expect(total.both + total.movedOut + total.onlyA).toBe(registers.a.length);
    expect(total.both + total.movedIn + total.onlyB).toBe(registers.b.length);
    expect(total.movedIn).toBe(total.movedOut);
    for (const k of ['movedOut', 'onlyA', 'onlyB', 'duplicatesA', 'duplicatesB', 'desilDiffers2plus'] as const) expect(total[k]).toBeGreaterThan(20);
    expect([...registers.moves.values()].reduce((x, y) => x + y, 0)).toBe(total.movedOut);
  });
}, 60_000);
