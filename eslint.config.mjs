import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**', 'bin/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.property.name=/^(only|skip)$/][callee.object.name=/^(it|test|describe)$/]', message: 'No focused or skipped tests.' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'DocumentApp', 'DriveApp', 'MailApp', 'LockService', 'PropertiesService', 'ScriptApp', 'HtmlService', 'Utilities', 'process', 'Buffer', 'require', 'setTimeout', 'Intl'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', '**/gas/*', '**/local/*', '**/main'] }],
    },
  },
  {
    // All Russian text, shared by both runtimes: pure data and the Russian language helpers only.
    files: ['src/messages/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'DocumentApp', 'DriveApp', 'MailApp', 'process', 'Buffer', 'require', 'Intl'],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', '**/gas/*', '**/local/*', '**/main', '**/core/run/*', '**/core/invite/*', '**/core/thanks/*', '**/core/report/*', '**/core/jobs'] }],
    },
  },
  {
    files: ['src/ui/**/*.js'],
    languageOptions: { globals: { ...globals.browser, google: 'readonly' } },
  },
);
