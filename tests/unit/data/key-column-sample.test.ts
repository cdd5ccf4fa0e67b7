import { describe, expect, it } from 'vitest';
import { sampleTableRows } from '../../../src/data/key-column-sample';

const csvOf = (text: string) => new TextEncoder().encode(text);

describe('sampleTableRows', () => {
  it('reads the data rows of the normalised CSV, quoted cells and line breaks inside them included', () => {
    const csv = csvOf('kode,nama\n33.72.01.1001,"Pajang, Kel."\n33.72.01.1002,"Laweyan\nlama"\n');
    expect(sampleTableRows({ csv, preview: [] })).toEqual([
      ['33.72.01.1001', 'Pajang, Kel.'],
      ['33.72.01.1002', 'Laweyan\nlama'],
    ]);
  });

  it('stops at the limit', () => {
    const csv = csvOf(['kode', ...Array.from({ length: 100 }, (_, i) => String(i))].join('\n'));
    expect(sampleTableRows({ csv, preview: [] }, 10)).toEqual(Array.from({ length: 10 }, (_, i) => [String(i)]));
  });

  it('falls back to the preview when the CSV holds no rows', () => {
    expect(sampleTableRows({ csv: new Uint8Array(0), preview: [['a']] })).toEqual([['a']]);
  });
});
