/**
 * The supply chain, checked offline. `npm audit --omit=dev` needs the registry's audit endpoint,
 * which this network refuses (HTTP 405), so instead: every dependency is pinned by the lockfile
 * to a registry tarball with an sha512 integrity hash, none comes from git, a URL or the file
 * system, and the only install script (esbuild's, a build tool that never ships) fetches from
 * nowhere but the npm registry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, { version?: string; resolved?: string; integrity?: string; link?: boolean; dev?: boolean; hasInstallScript?: boolean }>;
};
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const REGISTRY = 'https://registry.npmjs.org/';
const installed = Object.entries(lock.packages).filter(([path]) => path !== '');

describe('dependencies', () => {
  it('are all pinned by a lockfile (v3) to an exact version with an sha512 integrity hash', () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(installed.length).toBeGreaterThan(100);
    const unpinned = installed.filter(([, p]) => !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(p.version ?? '') || !p.integrity?.startsWith('sha512-'));
    expect(unpinned.map(([path]) => path)).toEqual([]);
  });

  it('come from the npm registry only: no git, http, file or linked packages', () => {
    // npm writes `resolved` only for tarballs outside the configured registry when
    // omit-lockfile-registry-resolved is set (as here), so any `resolved` must be the registry's.
    const elsewhere = installed.filter(([, p]) => p.link || (p.resolved !== undefined && !p.resolved.startsWith(REGISTRY)));
    expect(elsewhere.map(([path, p]) => `${path} ${p.resolved ?? 'link'}`)).toEqual([]);
    const specs = { ...manifest.dependencies, ...manifest.devDependencies };
    const notSemver = Object.entries(specs).filter(([, spec]) => /^(git|http|https|file|link|github):|\/|^[\w-]+\/[\w.-]+$/.test(spec));
    expect(notSemver).toEqual([]);
  });

  it("run one install script, esbuild's (dev only), which downloads from nowhere but the npm registry", () => {
    const scripts = installed.filter(([, p]) => p.hasInstallScript);
    expect(scripts.map(([path, p]) => [path, Boolean(p.dev)])).toEqual([['node_modules/esbuild', true]]);
    const installJs = join(ROOT, 'node_modules/esbuild/install.js');
    if (!existsSync(installJs)) return; // not installed (e.g. npm ci --omit=dev): nothing runs
    const source = readFileSync(installJs, 'utf8');
    // Its fallback fetches the platform binary's tarball from the registry; other URLs are in messages.
    const fetched = [...source.matchAll(/https:\/\/[^\s"'`]+/g)].map((m) => m[0]).filter((url) => !/github\.com\/evanw\/esbuild\/issues|nodejs\.org\/dist|snapcraft\.io/.test(url));
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((url) => !url.startsWith(REGISTRY))).toEqual([]);
  });
});
