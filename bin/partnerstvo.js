#!/usr/bin/env node
// The `partnerstvo` command: runs the bundled CLI (build/cli.js, made by `npm run build:cli`).
'use strict';
const fs = require('fs');
const path = require('path');

const bundle = path.join(__dirname, '..', 'build', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'Программа ещё не собрана: нет файла build/cli.js.\n' +
      'Выполните в папке проекта: npm run build:cli\n',
  );
  process.exitCode = 2;
} else {
  require(bundle).runCli();
}
