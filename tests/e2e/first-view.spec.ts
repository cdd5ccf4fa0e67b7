/**
 * The prebuilt first view (issue 16, item 1): each demo city's default view is drawn from the
 * build's file before DuckDB has started, then DuckDB answers the same question and takes over
 * with the same numbers for every kelurahan, the same legend and the same colours. A file whose
 * hash is not the build's is ignored; a returning visit to another view still draws the stored
 * answer of the last visit (first-view-cache.ts). The map of all of Indonesia does the same for
 * its default view (first-view-national-file.ts): every desa's value, the legend and the colours.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { SCREENSHOTS, drawnKelurahan, paintedColours, watchPage } from './helpers';

const cities = JSON.parse(readFileSync('data/kota.json', 'utf8')) as { slug: string; nama: string; kelurahan: number }[];

interface Shown {
  values: [string, number | null][] | null;
  valuesFrom: string | null;
  firstView: string | null;
  summary: unknown;
  years: number[];
}

type Pkk = { __pkk?: { app: { values: Map<string, number | null> | null; valuesFrom: string | null; firstView: string | null; summary: unknown; years: number[] } } };

/** What the app holds now: its values by kelurahan and who answered them. */
function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const app = (window as unknown as Pkk).__pkk!.app;
    return {
      values: app.values ? [...app.values].sort(([a], [b]) => (a < b ? -1 : 1)) : null,
      valuesFrom: app.valuesFrom,
      firstView: app.firstView,
      summary: JSON.parse(JSON.stringify(app.summary)) as unknown,
      years: [...app.years],
    };
  });
}

/** Holds DuckDB's WASM download until `release()`, so the page stays on its first view. */
async function holdDuckDb(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/duckdb-*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The first choropleth drawn (MapView's stamp), whoever answered it. */
async function firstChoropleth(page: Page, key: string): Promise<void> {
  await expect(page.locator('.map')).toHaveAttribute('data-rendered', new RegExp(`^${key.replaceAll('|', '\\|')}\\|`), { timeout: 60_000 });
}

function waitForDuckDb(page: Page): Promise<unknown> {
  return page.waitForFunction(() => (window as unknown as Pkk).__pkk?.app.valuesFrom === 'database', null, { timeout: 120_000 });
}

for (const city of cities) {
  test(`${city.nama}: the first map is the build's answer, and DuckDB's answer is the same`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const problems = watchPage(page, baseURL!);
    const release = await holdDuckDb(page);
    const key = `${city.slug}|2025|penduduk_miskin|rasio`;
    await page.goto(`/?kota=${city.slug}`);
    await firstChoropleth(page, key);
    const first = await shown(page);
    expect(first.firstView).toBe('prebuilt');
    expect(first.valuesFrom).toBe('prebuilt');
    expect(first.values).toHaveLength(city.kelurahan);
    expect(await drawnKelurahan(page)).toHaveLength(city.kelurahan);
    const legend = page.getByTestId('legend');
    await expect(legend).not.toContainText('Menunggu nilai indikator');
    await expect(page.getByTestId('legend-class').first()).toBeVisible();
    await expect(legend.locator('.city')).toContainText(city.nama);
    await expect(page.getByTestId('map-status')).toHaveCount(0);
    const legendBefore = await legend.innerText();
    const coloursBefore = await paintedColours(page);

    release();
    await waitForDuckDb(page);
    const after = await shown(page);
    // Per kelurahan: the same kelurahan and exactly the same number (or both without data).
    const differs = Object.fromEntries(
      after
        .values!.filter(([kode, v], i) => first.values![i]?.[0] !== kode || first.values![i]?.[1] !== v)
        .map(([kode, v]) => [kode, { duckdb: v, prebuilt: new Map(first.values).get(kode) }]),
    );
    expect(differs).toEqual({});
    expect(after.values).toHaveLength(first.values!.length);
    expect(after.summary).toEqual(first.summary);
    expect(after.years).toEqual(first.years);
    // Nothing visible jumps: the same legend, the same colour in every kelurahan.
    expect(await legend.innerText()).toBe(legendBefore);
    expect(await paintedColours(page)).toEqual(coloursBefore);
    expect(problems).toEqual([]);
  });
}

for (const [width, height] of [
  [1024, 768],
  [1366, 768],
  [1920, 1080],
]) {
  test(`the first frame before DuckDB at ${width}x${height}: title, classes and city line`, async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL!);
    await page.setViewportSize({ width, height });
    const release = await holdDuckDb(page);
    await page.goto('/');
    await firstChoropleth(page, 'surakarta|2025|penduduk_miskin|rasio');
    const legend = page.getByTestId('legend');
    await expect(legend.locator('h2')).toContainText('2025');
    await expect(legend.locator('.city')).toContainText('Kota Surakarta');
    expect(await page.getByTestId('legend-class').count()).toBe(5);
    expect((await shown(page)).valuesFrom).toBe('prebuilt');
    await page.screenshot({ path: `${SCREENSHOTS}/first-view-before-duckdb-${width}x${height}.png` });
    release();
    await waitForDuckDb(page);
    expect(problems).toEqual([]);
  });
}

test('a prebuilt file of another build (hash differs) is not drawn: the map waits for DuckDB', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL!);
  const release = await holdDuckDb(page);
  await page.route('**/assets/first-view-*.json', async (route) => {
    const response = await route.fetch();
    const file = (await response.json()) as { hash: string; values: [string, number | null][] };
    // Numbers of other data under another hash: drawing them would be a stale answer.
    const stale = { ...file, hash: `0${file.hash.slice(1)}`, values: file.values.map(([kode]) => [kode, 1]) };
    await route.fulfill({ response, json: stale });
  });
  await page.goto('/?kota=probolinggo');
  await page.waitForFunction(() => (window as unknown as Pkk).__pkk?.app.firstView != null);
  expect((await shown(page)).firstView).toBe('none');
  expect((await shown(page)).values).toBeNull();
  await expect(page.getByTestId('legend')).toContainText('Menunggu nilai indikator');
  release();
  await waitForDuckDb(page);
  expect(new Set((await shown(page)).values!.map(([, v]) => v)).size).toBeGreaterThan(1);
  expect(problems).toEqual([]);
});

test('a returning visit to another view still draws the last visit’s stored answer first', async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const problems = watchPage(page, baseURL!);
  await page.goto('/?kota=pekalongan&indikator=rtlh');
  await waitForDuckDb(page);
  const answered = await shown(page);
  expect(answered.firstView).toBe('none');
  // The answer is stored in the background; the next visit finds it.
  await page.waitForFunction(() => localStorage.getItem('pkk:peta-pertama')?.startsWith('pekalongan|2025|rtlh') ?? false);
  const release = await holdDuckDb(page);
  await page.reload();
  await firstChoropleth(page, 'pekalongan|2025|rtlh|rasio');
  const first = await shown(page);
  expect(first.firstView).toBe('stored');
  expect(first.values).toEqual(answered.values);
  release();
  await waitForDuckDb(page);
  expect(problems).toEqual([]);
});

// --- The map of all of Indonesia (first-view-national-file.ts) ---

/** Built by `npm run data:national` (part of `npm run test:e2e`) and copied into the site. */
const NATIONAL_TILES = 'dist/national/tiles/metadata.json';
const NATIONAL_START = 'penduduk_miskin|2025|5|quantile';

type NationalPkk = {
  __pkk?: {
    nationalMap: import('maplibre-gl').Map;
    app: { national: { values: { kode: readonly string[]; nilai: Float64Array } | null; valuesFrom: string | null; firstView: string | null; years: number[] } };
  };
  /** The values the page showed first, kept in the page to compare with DuckDB's (83,402 each). */
  __firstNational?: { kode: readonly string[]; nilai: Float64Array };
};

async function nationalDrawn(page: Page): Promise<void> {
  await expect(page.getByTestId('national-map')).toHaveAttribute('data-rendered', new RegExp(`^${NATIONAL_START.replaceAll('|', '\\|')}`), { timeout: 120_000 });
}

function nationalFrom(page: Page): Promise<{ valuesFrom: string | null; firstView: string | null; count: number; years: number[] }> {
  return page.evaluate(() => {
    const national = (window as unknown as NationalPkk).__pkk!.app.national;
    return { valuesFrom: national.valuesFrom, firstView: national.firstView, count: national.values?.kode.length ?? 0, years: [...national.years] };
  });
}

/**
 * The colour painted at a 96 x 64 grid of points of the national map, with the desa under each
 * point (the map settled first): a sample of several hundred desa over all of Indonesia, and the sea.
 */
function paintedNational(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const map = (window as unknown as NationalPkk).__pkk!.nationalMap;
    await new Promise((resolve) => {
      map.once('idle', resolve);
      map.triggerRepaint();
    });
    const canvas = map.getCanvas();
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [canvas.width, canvas.height];
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const ratio = canvas.width / canvas.clientWidth;
    const colours: Record<string, string> = {};
    for (let gy = 0; gy < 64; gy++) {
      for (let gx = 0; gx < 96; gx++) {
        const point: [number, number] = [((gx + 0.5) * canvas.clientWidth) / 96, ((gy + 0.5) * canvas.clientHeight) / 64];
        const kode = map.queryRenderedFeatures(point).find((f) => f.properties?.kode)?.properties.kode as string | undefined;
        const [r, g, b] = context.getImageData(Math.round(point[0] * ratio), Math.round(point[1] * ratio), 1, 1).data;
        colours[`${gx},${gy} ${kode ?? 'sea'}`] = `${r},${g},${b}`;
      }
    }
    return colours;
  });
}

test.describe('the national map', () => {
  test.beforeAll(() => {
    test.skip(!existsSync(NATIONAL_TILES), 'no national tiles: ../shared/data/national is missing');
  });

  test('the first national map is the build’s answer, and DuckDB’s answer is the same for every desa', async ({ page, baseURL }) => {
    test.setTimeout(300_000);
    const problems = watchPage(page, baseURL!);
    const release = await holdDuckDb(page);
    await page.goto('/?nasional=1');
    await nationalDrawn(page);
    const first = await nationalFrom(page);
    expect(first).toMatchObject({ valuesFrom: 'prebuilt', firstView: 'prebuilt', count: 83_402, years: [2024, 2025] });
    await page.evaluate(() => {
      const w = window as unknown as NationalPkk;
      const { kode, nilai } = w.__pkk!.app.national.values!;
      w.__firstNational = { kode: [...kode], nilai: nilai.slice() };
    });
    const legend = page.getByTestId('national-legend');
    expect(await legend.locator('li').count()).toBe(5);
    // The values are synthetic, and the page says so before DuckDB as after.
    await expect(page.getByTestId('national-synthetic')).toBeVisible();
    await expect(page.getByTestId('national-panel')).toContainText('sintetis');
    const panelBefore = await page.getByTestId('national-panel').innerText();
    const coloursBefore = await paintedNational(page);
    const desa = Object.keys(coloursBefore).filter((k) => !k.endsWith(' sea'));
    expect(desa.length).toBeGreaterThan(300);
    expect(new Set(desa.map((k) => coloursBefore[k])).size).toBeGreaterThanOrEqual(5);

    release();
    await page.waitForFunction(() => (window as unknown as NationalPkk).__pkk?.app.national.valuesFrom === 'database', null, { timeout: 180_000 });
    await nationalDrawn(page);
    // Every desa: the same code in the same place and the same number, bit for bit (NaN: no value).
    const differs = await page.evaluate(() => {
      const w = window as unknown as NationalPkk;
      const before = w.__firstNational!;
      const after = w.__pkk!.app.national.values!;
      const out: string[] = [];
      if (after.kode.length !== before.kode.length) out.push(`count ${before.kode.length} → ${after.kode.length}`);
      for (let i = 0; i < after.kode.length && out.length < 20; i++) {
        if (after.kode[i] !== before.kode[i] || !Object.is(after.nilai[i], before.nilai[i])) out.push(`${after.kode[i]}: ${before.nilai[i]} → ${after.nilai[i]}`);
      }
      return out;
    });
    expect(differs).toEqual([]);
    expect((await nationalFrom(page)).years).toEqual(first.years);
    // Nothing visible jumps: the same panel (legend, counts, synthetic label), the same colours.
    expect(await page.getByTestId('national-panel').innerText()).toBe(panelBefore);
    expect(await paintedNational(page)).toEqual(coloursBefore);
    expect(problems).toEqual([]);
  });

  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
    [1920, 1080],
  ]) {
    test(`the first national frame before DuckDB at ${width}x${height}: every desa coloured, legend, synthetic label`, async ({ page, baseURL }) => {
      test.setTimeout(240_000);
      const problems = watchPage(page, baseURL!);
      await page.setViewportSize({ width, height });
      const release = await holdDuckDb(page);
      await page.goto('/?nasional=1');
      await nationalDrawn(page);
      expect((await nationalFrom(page)).valuesFrom).toBe('prebuilt');
      await expect(page.getByTestId('national-synthetic')).toBeVisible();
      await expect(page.getByTestId('national-panel')).toContainText('83.402 desa dan kelurahan');
      expect(await page.getByTestId('national-legend').locator('li').count()).toBe(5);
      await page.screenshot({ path: `${SCREENSHOTS}/first-view-national-before-duckdb-${width}x${height}.png` });
      release();
      await page.waitForFunction(() => (window as unknown as NationalPkk).__pkk?.app.national.valuesFrom === 'database', null, { timeout: 180_000 });
      expect(problems).toEqual([]);
    });
  }

  test('a national file of another build (hash differs) is not drawn: the map waits for DuckDB', async ({ page, baseURL }) => {
    test.setTimeout(240_000);
    const problems = watchPage(page, baseURL!);
    const release = await holdDuckDb(page);
    let served = 0;
    await page.route('**/assets/first-view-nasional-*.json', async (route) => {
      const response = await route.fetch();
      const file = (await response.json()) as { hash: string; nilai: (number | null)[] };
      // Numbers of other data under another hash: drawing them would be a stale answer.
      const stale = { ...file, hash: `0${file.hash.slice(1)}`, nilai: file.nilai.map(() => 1) };
      served++;
      await route.fulfill({ response, json: stale });
    });
    await page.goto('/?nasional=1');
    await page.waitForFunction(() => (window as unknown as NationalPkk).__pkk?.app.national.firstView != null, null, { timeout: 60_000 });
    expect(served).toBe(1);
    expect(await nationalFrom(page)).toMatchObject({ firstView: 'none', valuesFrom: null, count: 0 });
    await expect(page.getByTestId('national-panel')).toContainText('Memuat nilai seluruh desa');
    release();
    await page.waitForFunction(() => (window as unknown as NationalPkk).__pkk?.app.national.valuesFrom === 'database', null, { timeout: 180_000 });
    await nationalDrawn(page);
    expect(await page.evaluate(() => new Set((window as unknown as NationalPkk).__pkk!.app.national.values!.nilai).size)).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
});
