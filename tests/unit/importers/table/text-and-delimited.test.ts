import { describe, expect, it } from 'vitest';
import { DelimitedParser, sniffDelimiter } from '../../../../src/data/importers/delimited';
import { TextChunkDecoder, decodeCp1252, detectEncoding, firstInvalidUtf8, InvalidUtf8 } from '../../../../src/data/importers/text';
import { ImportError } from '../../../../src/data/importers/types';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('encoding', () => {
  it('finds a UTF-8 BOM, valid UTF-8 without BOM, and falls back to Windows-1252', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'a.csv')).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(utf8('Café;–'), 'a.csv')).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x3b]), 'a.csv').encoding).toBe('windows-1252');
    // Café in Windows-1252 ends in E9, which starts a UTF-8 sequence: only the whole file can tell.
    expect(detectEncoding(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'a.csv', true).encoding).toBe('windows-1252');
    expect(detectEncoding(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'a.csv', false).encoding).toBe('utf-8');
  });

  it('does not hold a sample cut inside a character against UTF-8', () => {
    const bytes = utf8('ab–'); // – is E2 80 93
    expect(firstInvalidUtf8(bytes.subarray(0, 4), true)).toBe(-1);
    expect(firstInvalidUtf8(bytes.subarray(0, 4), false)).toBe(2);
  });

  it('rejects overlong forms and surrogates', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
  });

  it('refuses UTF-16 with a message', () => {
    expect(() => detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'u.csv')).toThrowError(ImportError);
  });

  it('decodes Windows-1252 punctuation that Latin-1 lacks', () => {
    expect(decodeCp1252(new Uint8Array([0x96, 0x20, 0x80, 0xe9, 0xb0, 0x93, 0x94]))).toBe('– €é°“”');
  });

  it('decodes UTF-8 split across chunks at every position', () => {
    const bytes = utf8('Kel. Kemlayan – 34° 😀 é');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const d = new TextChunkDecoder('utf-8');
      expect(d.decode(bytes.subarray(0, cut)) + d.decode(bytes.subarray(cut), true)).toBe('Kel. Kemlayan – 34° 😀 é');
    }
  });

  it('reports where UTF-8 breaks and whether non-ASCII text came before', () => {
    const d = new TextChunkDecoder('utf-8');
    d.decode(utf8('é\n'));
    try {
      d.decode(new Uint8Array([0x61, 0x0a, 0xe9, 0x0a]), true);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidUtf8);
      expect((error as InvalidUtf8).chunkOffset).toBe(2);
      expect((error as InvalidUtf8).sawNonAscii).toBe(true);
    }
  });
});

function parseAll(text: string, delimiter: string, chunkSize = text.length || 1): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  const p = new DelimitedParser(delimiter, (cells, line) => rows.push({ cells, line }));
  for (let i = 0; i < text.length; i += chunkSize) p.push(text.slice(i, i + chunkSize));
  p.end();
  return rows;
}

describe('sniffDelimiter', () => {
  it('chooses by consistency, not by count, and ignores title rows and quoted delimiters', () => {
    expect(sniffDelimiter('Data RTLH Kota Surakarta 2024\n\nkode;nama;luas\n1;"Kel. A, B";1,5\n2;B;2\n3;C;3,25\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2,5\t3\n4\t5\t6,1\n')).toBe('\t');
    expect(sniffDelimiter('a,b,c\n1,"x;y",3\n4,5,6\n')).toBe(',');
    expect(sniffDelimiter('a|b\n1|2\n')).toBe('|');
    expect(sniffDelimiter('nama\nPajang\nLaweyan\n')).toBe(',');
  });
});

describe('DelimitedParser', () => {
  const text = 'kode,nama,catatan\r\n1,"Kel. ""A""","x\r\ny"\r\n2,B,\r\r\n3,C,"z"\n4,"D,E",w';
  const expected = [
    { cells: ['kode', 'nama', 'catatan'], line: 1 },
    { cells: ['1', 'Kel. "A"', 'x\r\ny'], line: 2 },
    { cells: ['2', 'B', ''], line: 4 },
    { cells: [''], line: 5 },
    { cells: ['3', 'C', 'z'], line: 6 },
    { cells: ['4', 'D,E', 'w'], line: 7 },
  ];

  it('handles quotes, doubled quotes, CRLF, CR, LF and line breaks inside quotes, with line numbers', () => {
    expect(parseAll(text, ',')).toEqual(expected);
  });

  it('gives the same records whatever the chunk size (boundaries inside quotes, CRLF and doubled quotes)', () => {
    for (let size = 1; size <= 12; size++) expect(parseAll(text, ',', size), `chunk ${size}`).toEqual(expected);
  });

  it('ends a file whose last cell is quoted without a final line break', () => {
    expect(parseAll('a,b\n1,"x"', ',', 1)).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', 'x'], line: 2 },
    ]);
  });

  it('reports a quote never closed with the row it opened on', () => {
    expect(() => parseAll('a,b\n1,2\n3,"oops\n4,5\n', ',')).toThrowError(expect.objectContaining({ key: 'importTable.unclosedQuote', params: { row: 3 } }));
  });
});
