/**
 * A jest reporter that prints, after the run, how many name tests passed per pattern: every
 * top-level `describe` whose title starts with «name pattern:» (test/core/russian/hard-names.test.ts).
 */
const PREFIX = 'name pattern:';

class NameTestsReporter {
  onRunComplete(_contexts, results) {
    const patterns = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        const title = test.ancestorTitles[0] || '';
        if (!title.startsWith(PREFIX)) continue;
        const counts = patterns.get(title) || { passed: 0, failed: 0 };
        if (test.status === 'passed') counts.passed++;
        else if (test.status === 'failed') counts.failed++;
        patterns.set(title, counts);
      }
    }
    if (patterns.size === 0) return;
    let passed = 0;
    let failed = 0;
    const lines = [];
    for (const [title, counts] of patterns) {
      passed += counts.passed;
      failed += counts.failed;
      lines.push(`  ${title.slice(PREFIX.length).trim()}: ${counts.passed} passed${counts.failed ? `, ${counts.failed} FAILED` : ''}`);
    }
    process.stdout.write(`\nName tests by pattern (${patterns.size} patterns, ${passed} passed, ${failed} failed in all):\n${lines.join('\n')}\n\n`);
  }
}

module.exports = NameTestsReporter;
