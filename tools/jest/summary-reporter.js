// Appends each jest run's totals to tmp/test-summary.jsonl so .ci/run can print one closing
// line for the whole suite ("N passed, N failed") across every Nx project.
const { appendFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }
  onRunComplete(_contexts, results) {
    const dir = join(__dirname, '../../tmp');
    mkdirSync(dir, { recursive: true });
    const line = { project: this.rootDir, passed: results.numPassedTests, failed: results.numFailedTests, skipped: results.numPendingTests + results.numTodoTests };
    appendFileSync(join(dir, 'test-summary.jsonl'), JSON.stringify(line) + '\n');
  }
}
module.exports = SummaryReporter;
