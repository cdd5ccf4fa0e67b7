/**
 * Damaged Parquet files, aimed at the parts hyparquet trusts: the footer length, the Thrift
 * metadata, the page headers and the byte ranges they name. The bad-input fuzz once hit two
 * unhandled rejections here (`thrift unhandled type: 14`, `byte range NaN-NaN`) only because a
 * new fixture shifted its random stream; this test makes that class of mutant deterministic.
 * Every read must succeed or throw an ImportError (never another exception, never a promise
 * rejection nobody handles, never a hang).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../../src/data/importers/read-table';
import { ImportError } from '../../../../src/data/importers/types';

const GOOD = new Uint8Array(readFileSync(join(__dirname, '../../../fixtures/import/tables/surakarta.parquet')));
const MUTANTS = 300;
const SEED = 0x5eed_9a7e;

/** mulberry32, so every run tries the same mutants. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Where the Thrift footer starts: its length is the little-endian u32 before the closing PAR1. */
const FOOTER_LENGTH = new DataView(GOOD.buffer, GOOD.byteOffset).getUint32(GOOD.length - 8, true);
const FOOTER_START = GOOD.length - 8 - FOOTER_LENGTH;

type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array;
const int = (random: () => number, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo));

function flipIn(lo: number, hi: number, maxFlips: number): Mutation {
  return (bytes, random) => {
    const out = bytes.slice();
    for (let i = int(random, 0, maxFlips) + 1; i > 0; i--) out[int(random, lo, hi)] ^= 1 << int(random, 0, 8);
    return out;
  };
}

function setIn(lo: number, hi: number): Mutation {
  return (bytes, random) => {
    const out = bytes.slice();
    for (let i = int(random, 1, 6); i > 0; i--) out[int(random, lo, hi)] = int(random, 0, 256);
    return out;
  };
}

/** Each kind of damage, tried in turn so every kind gets the same share of mutants. */
const MUTATIONS: Record<string, Mutation> = {
  'truncate anywhere': (bytes, random) => bytes.slice(0, int(random, 0, bytes.length)),
  'truncate inside the footer, keeping PAR1': (bytes, random) => {
    const cut = int(random, FOOTER_START, bytes.length - 8);
    return new Uint8Array([...bytes.subarray(0, cut), ...bytes.subarray(bytes.length - 8)]);
  },
  'flip bits in the footer metadata': flipIn(FOOTER_START, GOOD.length - 8, 4),
  'random bytes in the footer metadata': setIn(FOOTER_START, GOOD.length - 8),
  'flip bits in the column chunks and page headers': flipIn(4, FOOTER_START, 4),
  'random bytes in the column chunks and page headers': setIn(4, FOOTER_START),
  'zero the footer length': (bytes) => {
    const out = bytes.slice();
    out.fill(0, out.length - 8, out.length - 4);
    return out;
  },
  'random footer length': (bytes, random) => {
    const out = bytes.slice();
    new DataView(out.buffer).setUint32(out.length - 8, int(random, 0, 2 ** 32), true);
    return out;
  },
  'zero a run of bytes': (bytes, random) => {
    const out = bytes.slice();
    const start = int(random, 4, out.length - 8);
    out.fill(0, start, start + int(random, 1, 16));
    return out;
  },
  'duplicate a run of bytes': (bytes, random) => {
    const start = int(random, 0, bytes.length);
    const end = Math.min(bytes.length, start + int(random, 1, 64));
    const at = int(random, 4, bytes.length - 8);
    return new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(start, end), ...bytes.subarray(at)]);
  },
};

/** The read's outcome, or a failure named "hang" after 30 s (a hang detector, not a timing claim). */
async function outcome(bytes: Uint8Array): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('hang: no answer after 30 s')), 30_000)));
  try {
    await Promise.race([readTable(new File([bytes as BlobPart], 'mutan.parquet')), hang]);
    return 'ok';
  } catch (error) {
    return error;
  } finally {
    clearTimeout(timer);
  }
}

/** Lets promise jobs and their unhandled-rejection checks run before the next mutant. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('damaged Parquet files', () => {
  const unhandled: { reason: unknown; mutant: string }[] = [];
  let current = '';
  const listener = (reason: unknown) => unhandled.push({ reason, mutant: current });
  beforeAll(() => void process.on('unhandledRejection', listener));
  afterAll(() => void process.off('unhandledRejection', listener));

  it('the fixture is read, so mutants start from a good file', async () => {
    expect(await outcome(GOOD)).toBe('ok');
    expect(FOOTER_START).toBeGreaterThan(4);
  });

  it('a damaged first page plus a column the schema does not name is refused, with no rejection left behind', async () => {
    // The fuzz's case: hyparquet started reading "kode" (whose page header now holds Thrift
    // type 14), then threw at "catatan" (renamed in the schema), and the read of "kode" failed
    // later as an unhandled rejection `thrift unhandled type: 14`.
    const bytes = GOOD.slice();
    const schemaName = new TextDecoder('latin1').decode(bytes).indexOf('catatan', FOOTER_START);
    bytes[schemaName + 6] = 'x'.charCodeAt(0);
    bytes[4] = 0x1e;
    current = 'damaged page and schema';
    const result = await outcome(bytes);
    await settle();
    expect(result).toBeInstanceOf(ImportError);
    expect((result as ImportError).key).toBe('importTable.parquetInvalid');
    expect(unhandled.map(({ reason }) => String(reason))).toEqual([]);
  });

  it(`${MUTANTS} mutants are each read or refused with an ImportError, and no rejection escapes`, async () => {
    const random = generator(SEED);
    const names = Object.keys(MUTATIONS);
    const failures: string[] = [];
    const keys = new Map<string, number>();
    let read = 0;
    for (let m = 0; m < MUTANTS; m++) {
      const name = names[m % names.length];
      current = `#${m} ${name}`;
      const result = await outcome(MUTATIONS[name](GOOD, random));
      await settle();
      if (result === 'ok') read++;
      else if (!(result instanceof ImportError)) failures.push(`${current}: ${String(result)}`);
      else if (result.key === 'importTable.unexpected') failures.push(`${current}: caught only by the catch-all (${String(result.params.detail)})`);
      else keys.set(result.key, (keys.get(result.key) ?? 0) + 1);
    }
    await settle();
    const escaped = unhandled.map(({ reason, mutant }) => `${mutant}: ${reason instanceof Error ? reason.message : String(reason)}`);
    console.info(`parquet mutants: ${MUTANTS}, read ${read}, refused`, [...keys]);
    expect(escaped, 'unhandled rejections').toEqual([]);
    expect(failures).toEqual([]);
    // The mutants must actually damage the file often enough to exercise the refusals.
    expect(MUTANTS - read).toBeGreaterThan(MUTANTS / 4);
  }, 600_000);
});
