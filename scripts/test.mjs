// `npm test`: lint, typecheck, build, then unit, integration and e2e tests (Vitest).
// Ends with one plain line "N passed, N failed" summing every check and test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let skipped = 0;

function step(label, command, args) {
  console.log(`\n── ${label} ──`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.log(`✗ ${label} failed`);
  }
  return r.status === 0;
}

step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
const built = step('build', process.execPath, [path.join(root, 'scripts/build.mjs')]);

if (built) {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'awb-vitest-')), 'results.json');
  console.log('\n── unit, integration and e2e tests ──');
  spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { cwd: root, stdio: 'inherit' });
  if (fs.existsSync(report)) {
    const results = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests + filesFailedWithoutTests(results);
    skipped += results.numPendingTests + (results.numTodoTests ?? 0);
    // Kept to read when a test failed; otherwise it is one more folder left in the system's temporary folder at every run.
    if (results.numFailedTests === 0 && filesFailedWithoutTests(results) === 0) fs.rmSync(path.dirname(report), { recursive: true, force: true });
    else console.log(`(the run's JSON report: ${report})`);
  } else {
    failed++;
    console.log('✗ the test run produced no results');
  }
}

/**
 * A file that failed to load has no failed tests of its own: count it once. (Vitest's
 * numFailedTestSuites counts every describe block around a failed test as well.)
 */
function filesFailedWithoutTests(results) {
  return results.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length;
}

if (skipped > 0) console.log(`\n(${skipped} skipped)`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
