// The one test gate, the same locally and in CI: Biome, typecheck, unit tests, app build, browser tests.
// Prints `N passed, N failed` over every test that ran, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { findChromium } from './e2e/chromium-path.mjs';

const run = (command, args, env = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const debian = existsSync('/etc/debian_version');
  if (process.getuid?.() === 0 && debian) {
    console.log('Chromium not found: installing Debian chromium and fonts-noto-cjk with apt');
    if (
      run('apt-get', ['update', '-q']) === 0 &&
      run('apt-get', ['install', '-y', '-q', 'chromium', 'fonts-noto-cjk'], { DEBIAN_FRONTEND: 'noninteractive' }) === 0
    ) {
      return findChromium();
    }
  }
  console.error(
    'The browser tests need Chromium. Install it (Debian: apt-get install chromium fonts-noto-cjk) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  );
  process.exit(2);
}

function counts(reportPath) {
  if (!existsSync(reportPath)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const failedTests = report.numFailedTests ?? 0;
  // A file that fails to load has no failed test of its own: count it, so a broken suite never reads as green.
  const failedSuites = report.success === false && failedTests === 0 ? 1 : 0;
  return { passed: report.numPassedTests ?? 0, failed: failedTests + failedSuites };
}

const chromium = ensureChromium();
mkdirSync('tests/artifacts', { recursive: true });
let failed = 0;
let passed = 0;

// Biome's check: lint and format (`npm run format` rewrites the layout); a lint error or an unformatted file fails.
const biomeCommand = 'check';
const biome = run('npx', ['biome', biomeCommand, '.']);
if (biome === 0) passed += 1;
else failed += 1;

const typecheck = run('npx', ['tsc', '-p', '.', '--noEmit']);
if (typecheck === 0) passed += 1;
else failed += 1;

for (const project of ['unit', 'browser']) {
  if (project === 'browser' && run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) {
    failed += 1;
    continue;
  }
  const report = `tests/artifacts/${project}-report.json`;
  run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    CHROMIUM_PATH: chromium,
  });
  const result = counts(report);
  passed += result.passed;
  failed += result.failed;
}

console.log(`biome ${biomeCommand} ${biome === 0 ? 'passed' : 'failed'}`);
console.log(`typecheck ${typecheck === 0 ? 'passed' : 'failed'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
