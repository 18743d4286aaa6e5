import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/bundle.ts'],
    // End-to-end tests build real documents and convert them with LibreOffice.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
