/**
 * The README's map of the folders stays true (issue 14, item 6): every folder under src/ is named
 * there, and every folder it names exists. A map that goes stale misleads the next newcomer more
 * than no map, so a new or removed folder fails here until the README says what it is for.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

function foldersUnder(dir: string): string[] {
  const found = [`${dir}/`];
  for (const name of readdirSync(join(root, dir))) {
    if (statSync(join(root, dir, name)).isDirectory()) found.push(...foldersUnder(`${dir}/${name}`));
  }
  return found;
}

function mapped(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /<!-- folder-map:start -->([\s\S]*?)<!-- folder-map:end -->/.exec(readme);
  if (!block) throw new Error('README has no folder map between its markers');
  return block[1]
    .split('\n')
    .map((line) => /^(\S+\/)\s/.exec(line)?.[1])
    .filter((folder): folder is string => folder !== undefined);
}

describe('the README folder map', () => {
  it('names every folder under src/', () => {
    const named = new Set(mapped());
    expect(foldersUnder('src').filter((folder) => !named.has(folder))).toEqual([]);
  });

  it('names only folders that exist', () => {
    expect(mapped().filter((folder) => !existsSync(join(root, folder)))).toEqual([]);
    expect(mapped().length).toBeGreaterThan(10);
  });
});
