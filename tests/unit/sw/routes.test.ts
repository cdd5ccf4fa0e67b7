import { describe, expect, it } from 'vitest';
import { isHashedAsset, strategyFor } from '../../../src/sw/routes';

const SCOPE = 'https://pemkot.example/peta/';
const get = (url: string, hasRange = false) => ({ method: 'GET', url, hasRange });

describe('service worker routes', () => {
  it('recognises Vite content-hashed assets, including hashes with - and _', () => {
    expect(isHashedAsset('/peta/assets/duckdb-eh-9ubY-jlA.wasm')).toBe(true);
    expect(isHashedAsset('/peta/assets/index-Cy4ITFYV.js')).toBe(true);
    expect(isHashedAsset('/peta/assets/noto-sans-latin-400-normal-BTkUljjl.woff2')).toBe(true);
    expect(isHashedAsset('/peta/assets/program-0covQbhB.csv')).toBe(true);
    expect(isHashedAsset('/peta/index.html')).toBe(false);
    expect(isHashedAsset('/peta/boundaries/kelurahan_surakarta.fgb')).toBe(false);
    expect(isHashedAsset('/peta/regions/regions.json')).toBe(false);
    // Seven characters after the last dash: not a Vite hash.
    expect(isHashedAsset('/peta/assets/index-Cy4ITFY.js')).toBe(false);
  });

  it('serves hashed assets cache-first and everything else of the app network-first', () => {
    expect(strategyFor(get(`${SCOPE}assets/duckdb-eh-9ubY-jlA.wasm`), SCOPE)).toBe('cache-first');
    expect(strategyFor(get(`${SCOPE}?kota=surakarta&indikator=rtlh`), SCOPE)).toBe('network-first');
    expect(strategyFor(get(`${SCOPE}index.html`), SCOPE)).toBe('network-first');
    expect(strategyFor(get(`${SCOPE}boundaries/kelurahan_surakarta.fgb`), SCOPE)).toBe('network-first');
  });

  it('never intercepts range requests, other methods, other origins or paths outside the app', () => {
    expect(strategyFor(get(`${SCOPE}data/desa-kelurahan-indonesia.fgb`, true), SCOPE)).toBe('pass');
    expect(strategyFor(get(`${SCOPE}assets/duckdb-eh-9ubY-jlA.wasm`, true), SCOPE)).toBe('pass');
    expect(strategyFor({ method: 'POST', url: `${SCOPE}index.html`, hasRange: false }, SCOPE)).toBe('pass');
    expect(strategyFor({ method: 'HEAD', url: `${SCOPE}index.html`, hasRange: false }, SCOPE)).toBe('pass');
    expect(strategyFor(get('https://tile.openstreetmap.org/12/3261/2128.png'), SCOPE)).toBe('pass');
    expect(strategyFor(get('https://pemkot.example/lain/index.html'), SCOPE)).toBe('pass');
    expect(strategyFor(get('blob:https://pemkot.example/0b5f'), SCOPE)).toBe('pass');
  });
});
