// Keeps the shared styles shared: UI colours come from src/ui/styles/tokens.css, not from hex
// codes typed into a component, and no component names a token that does not exist (a typo in
// var(--…) fails silently in the browser: the property is just dropped).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = 'src';
const TOKENS = readFileSync('src/ui/styles/tokens.css', 'utf8');

/**
 * Colours allowed as hex inside a component's <style>: they must equal the map's own colours in
 * src/map/overlay-style.ts (selected kelurahan, significance outline), or they are the one-off
 * amber of the "sample data" badge in the top bar.
 */
const ALLOWED_HEX = new Set(['#1a237e', '#212121', '#ffb300', '#1c1300']);

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, ending);
    return path.endsWith(ending) ? [path] : [];
  });
}

/** The CSS of a Svelte file: its <style> blocks only (hex codes in script feed the map or SVG). */
function styleBlocks(svelte: string): string {
  return [...svelte.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
}

function hexColours(css: string): string[] {
  return [...css.matchAll(/#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b/g)].map((m) => m[0].toLowerCase());
}

/** Custom properties read without a fallback, e.g. var(--color-text). */
function tokensRead(css: string): string[] {
  return [...css.matchAll(/var\(\s*(--[\w-]+)\s*\)/g)].map((m) => m[1]);
}

function tokensDefined(css: string): Set<string> {
  return new Set([...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
}

describe('the helpers see what they are meant to catch', () => {
  it('finds a hex colour typed into a style block, not one in script', () => {
    const component = "<script>const c = '#123456';</script><p>x</p><style>p { color: #546E7A; border: 1px solid #fff; }</style>";
    expect(hexColours(styleBlocks(component))).toEqual(['#546e7a', '#fff']);
  });
  it('finds a token that is read but never defined', () => {
    const defined = tokensDefined(':root { --color-text: #000; }');
    const read = tokensRead('p { color: var(--color-txet); background: var(--map-top, 0px); } a { color: var(--color-text); }');
    expect(read.filter((name) => !defined.has(name))).toEqual(['--color-txet']);
  });
});

describe('UI styles use the design tokens', () => {
  const components = files(SRC, '.svelte').map((path) => ({ path, css: styleBlocks(readFileSync(path, 'utf8')) }));
  const sheets = files(SRC, '.css').map((path) => ({ path, css: readFileSync(path, 'utf8') }));

  it('no component or stylesheet other than tokens.css spells a colour as hex', () => {
    const found = [...components, ...sheets]
      .filter(({ path }) => !path.endsWith('tokens.css'))
      .flatMap(({ path, css }) =>
        hexColours(css)
          .filter((hex) => !ALLOWED_HEX.has(hex))
          .map((hex) => `${path}: ${hex}`),
      );
    expect(found).toEqual([]);
  });

  it('every token read without a fallback is defined in tokens.css', () => {
    const defined = tokensDefined(TOKENS);
    const missing = [...components, ...sheets].flatMap(({ path, css }) =>
      tokensRead(css)
        .filter((name) => !defined.has(name))
        .map((name) => `${path}: ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
