import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'dist/**', 'node_modules/**', 'coverage/**', '.clipsheet/**', '.scratch*/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // shared/ runs unchanged in the extension, in Apps Script (V8, no DOM, no URL, no crypto) and in Node.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'chrome', 'browser', 'SpreadsheetApp', 'Utilities', 'crypto', 'URL', 'TextEncoder', 'TextDecoder', 'fetch', 'localStorage', 'indexedDB', 'navigator', 'process', 'Buffer'].map(
          (name) => ({ name, message: `shared/ is pure: ${name} is not available in every runtime (Apps Script has no DOM, URL or crypto).` }),
        ),
      ],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'wxt/*', 'dexie', 'preact*'], message: 'shared/ is pure domain code.' }] }],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
