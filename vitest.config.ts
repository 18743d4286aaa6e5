import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // `make test-unit`: the pipeline's modules, from the sources; no bundle, no build of a report.
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], testTimeout: 60_000 },
      },
      {
        // `make test-e2e`: the CLI as `make briefs` runs it (the bundle, made by the global setup),
        // its output read back with pdftotext, LibreOffice, python-docx and Chromium.
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/helpers/bundle.ts'], testTimeout: 180_000, hookTimeout: 300_000 },
      },
    ],
  },
});
