// Sums the unit (Vitest) and browser (Playwright) JSON reports into "N passed, N failed".
// A suite that did not run, or a failed type check (argv[2] != 0), counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
let passed = 0;
let failed = 0;
const notes = [];

const unit = read('tests/results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (unit.numFailedTestSuites > 0 && unit.numFailedTests === 0) failed += unit.numFailedTestSuites;
} else {
  failed += 1;
  notes.push('unit tests did not run');
}

const e2e = read('tests/results/e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  if (e2e.errors?.length) {
    failed += e2e.errors.length;
    notes.push(`browser test errors: ${e2e.errors.map((e) => e.message).join('; ')}`);
  }
} else {
  failed += 1;
  notes.push('browser tests did not run');
}

if (process.argv[2] && process.argv[2] !== '0') {
  failed += 1;
  notes.push('type check (npm run check) failed');
}

for (const note of notes) console.log(`note: ${note}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
