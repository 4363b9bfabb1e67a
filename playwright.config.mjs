// End-to-end tests on Playwright Test, driving Debian's Chromium (no browser download).
// `cargo xtask test` and `cargo xtask e2e [-- <playwright args>]` start the servers and set
// BASE_URL (release build + mock), DEV_BASE_URL and NO_DEV_BASE_URL (development build),
// STUDY_BASE_URL (the study build in study mode) and NGINX_BASE_URL (the release build under nginx). README: running one file or one test,
// the report and a trace.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_OPTIONS } from './e2e/chromium.mjs';

const [user, password] = (process.env.NGINX_AUTH ?? ':').split(':');

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.test.mjs',
  outputDir: 'target/playwright-results',
  // One mock per build serves every test: one worker, so a test's clock moves and faults
  // never meet another's.
  workers: 1,
  fullyParallel: false,
  // A flaky test fails: no retry hides it.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: 'target/playwright-results.json' }],
    ['html', { outputFolder: 'target/playwright-report', open: 'never' }],
  ],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: CHROMIUM_OPTIONS,
  },
  projects: [
    {
      name: 'release',
      testIgnore: ['devkit.test.mjs', 'nginx.test.mjs', 'study.test.mjs'],
      use: { baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:8787' },
    },
    {
      name: 'dev',
      testMatch: 'devkit.test.mjs',
      use: { baseURL: process.env.DEV_BASE_URL ?? 'http://127.0.0.1:8788' },
    },
    {
      // Research sessions: the study build under the mock's study mode.
      name: 'study',
      testMatch: 'study.test.mjs',
      use: { baseURL: process.env.STUDY_BASE_URL ?? 'http://127.0.0.1:8789' },
    },
    {
      name: 'nginx',
      testMatch: 'nginx.test.mjs',
      use: { baseURL: process.env.NGINX_BASE_URL, httpCredentials: { username: user, password } },
    },
  ],
});
