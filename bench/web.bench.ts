/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/bootstrap';
import { Role } from '@anslag/auth';
import { CHROMIUM, CHROMIUM_ARGS, createUser, ensureReferenceData } from '@anslag/testing';
import type { BenchResult } from './bench-result';
import { seed } from './case-search.bench';
import { withScratchDatabase } from './scratch-db';

const WEB_ROOT = join(__dirname, '..', '..', 'dist', 'web');
const BUDGET_KB = 250;
const RUNS = 10;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The browser application in headless Chromium against the api over 100 000 cases: the compressed
 * JavaScript the applicant's first page loads (against the 250 KB budget), and the work queue's first
 * page shown after navigation (median of 10) beside the API call alone.
 */
export async function run(): Promise<BenchResult[]> {
  if (!existsSync(join(WEB_ROOT, 'index.html')))
    throw new Error('dist/web saknas (npm run bench bygger den)');
  return withScratchDatabase(async (url) => {
    process.env.DATABASE_URL = url;
    process.env.LOG_LEVEL = 'silent';
    const app = await createApiApp({ logger: false, webRoot: WEB_ROOT });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const ds = app.get(DataSource);
    await ensureReferenceData(ds);
    await seed(ds, url);
    const { token } = await createUser(app, [Role.handlaggare]);
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    try {
      // 1. The first page's JavaScript, every file it loads, gzip-compressed as a server would send it.
      const first = await browser.newPage();
      const scripts: Buffer[] = [];
      first.on('response', async (r) => {
        if (r.url().endsWith('.js')) scripts.push(await r.body());
      });
      await first.goto(`${base}/logga-in`, { waitUntil: 'networkidle' });
      const kb = scripts.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0) / 1024;
      await first.close();

      // 2. The work queue: navigation until the first page of the table is drawn, signed in.
      const context = await browser.newContext();
      await context.addInitScript((t) => sessionStorage.setItem('anslag.token', t), token);
      const page = await context.newPage();
      await page.goto(`${base}/handlaggare`);
      await page.locator('table tbody tr').first().waitFor();
      const shown: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = Date.now();
        await page.goto(`${base}/handlaggare?sida=${2 + i}`);
        await page.locator('table tbody tr').first().waitFor();
        shown.push(Date.now() - started);
      }
      const alone: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = Date.now();
        const r = await fetch(`${base}/api/cases?page=${2 + i}&pageSize=50&sort=-registrationDate`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await r.json();
        alone.push(Date.now() - started);
      }
      await context.close();
      const page1 = median(shown);
      const api = median(alone);
      return [
        {
          name: "Applicant's first page (sign-in): compressed JavaScript loaded, against the 250 KB budget",
          figure: Math.round(kb),
          unit: 'KB',
          ceiling: BUDGET_KB,
          ratio: kb / BUDGET_KB,
          note: 'gzip -9 of every script the page loads',
        },
        {
          name: 'Work queue over 100 000 cases: first page drawn after navigation in headless Chromium vs the API call alone (median of 10)',
          figure: Math.round(page1),
          unit: 'ms',
          ceiling: Math.round(api),
          ratio: page1 / Math.max(1, api),
          note: 'the page also asks the counts per status; budget 1 000 ms',
        },
      ];
    } finally {
      await browser.close();
      await app.close();
    }
  });
}
