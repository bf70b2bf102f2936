import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-line-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/browser/**', 'tests/sheet/**'],
          environment: 'node',
        },
      },
      {
        // The exact Apps Script bundle in the emulator, and LibreOffice as a second engine.
        test: {
          name: 'sheet',
          include: ['tests/sheet/**/*.test.ts'],
          globalSetup: ['tests/setup/build-once.ts'],
          testTimeout: 60_000,
        },
      },
      {
        // Real Chromium with the built extension; one browser at a time on a 2-core machine.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/build-once.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
