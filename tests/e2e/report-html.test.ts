// The suite's HTML report in a real headless Chromium: filters hide and show rules, findings expand to their curl, nothing injected runs.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { html } from '../../reports/suite/index.js';
import { mixedReport } from '../../reports/suite/fixtures/reports.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const title = hasChromium ? 'suite HTML report in Chromium' : `suite HTML report in Chromium — SKIPPED: ${CHROMIUM} not found (install chromium to run it)`;

describe.skipIf(!hasChromium)(title, () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'report-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html(mixedReport), 'utf8');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // A CSP violation or a script error would show here: the page's own script must run, nothing else.
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const visibleStatuses = (p: Page) =>
    p.$$eval('details.rule', (rules) => rules.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => r.getAttribute('data-status')));

  it('shows every rule at first, and runs nothing from the report', async () => {
    expect(await visibleStatuses(page)).toHaveLength(mixedReport.rules.length);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await page.locator('text=5 of 8 clauses verified').count()).toBe(1);
  });

  it('shows only failing rules after clicking the fail filter, and all again with All', async () => {
    await page.click('button[data-filter="fail"]');
    const statuses = await visibleStatuses(page);
    expect(statuses).toHaveLength(mixedReport.summary.fail);
    expect(new Set(statuses)).toEqual(new Set(['fail']));
    expect(await page.getAttribute('button[data-filter="fail"]', 'aria-pressed')).toBe('true');
    // Areas with no failing rule disappear with their rules.
    expect(await page.locator('section.area:visible').count()).toBe(2);
    await page.click('button[data-filter="all"]');
    expect(await visibleStatuses(page)).toHaveLength(mixedReport.rules.length);
    await page.click('button[data-filter="fail"]');
  });

  it('expands a finding to show its evidence and a copyable curl', async () => {
    const rule = page.locator('details.rule[data-rule="nir-cle"]');
    const curl = rule.locator('pre.curl-command').first();
    expect(await curl.isVisible()).toBe(false);
    await rule.locator('summary').click();
    expect(await curl.isVisible()).toBe(true);
    const text = await curl.textContent();
    expect(text).toContain("curl -X POST 'https://opco.example.test/api/v1/contrats'");
    expect(text).not.toContain('sk-live-0123456789abcdef');
    expect(await rule.locator('button[data-copy]').first().isVisible()).toBe(true);
    // The hostile response body is shown as text, not markup.
    expect(await rule.locator('pre', { hasText: '<script>window.__pwned' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/report.png', fullPage: true });
  });

  it('logs no script error or CSP violation', () => {
    expect(problems).toEqual([]);
  });
});
