/**
 * Page objects for the end-to-end tests: launching SQL through the form and finding jobs in the
 * live table, the way a user does.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export class FlurryApp {
  constructor(readonly page: Page) {}

  /** Opens the Launch page and waits until it is interactive (the health badge has loaded). */
  async openLaunch(): Promise<void> {
    await this.page.goto('/launch');
    await expect(this.page.getByTestId('health')).toContainText('local warehouse');
  }

  get sqlEditor(): Locator {
    return this.page.getByRole('textbox', { name: 'SQL', exact: true });
  }

  /** Launches SQL from the form and returns the batch id the Jobs page was opened with. */
  async launch(options: {
    sql: string;
    statements: number;
    label: string;
    mode?: 'parallel' | 'sequence';
  }): Promise<string> {
    await this.openLaunch();
    await this.sqlEditor.fill(options.sql);
    await expect(this.page.getByTestId('statement-count')).toHaveText(
      `${options.statements} statement${options.statements === 1 ? '' : 's'}`,
    );
    if (options.mode === 'sequence') await this.page.getByRole('radio', { name: /Sequence/ }).check();
    await this.page.getByRole('textbox', { name: /Label/ }).fill(options.label);
    await this.page.getByRole('button', { name: /^Launch/ }).click();
    await this.page.waitForURL(/\/jobs\?batch=/);
    const batchId = new URL(this.page.url()).searchParams.get('batch');
    expect(batchId).toBeTruthy();
    return batchId as string;
  }

  get rows(): Locator {
    return this.page.getByTestId('job-row');
  }

  row(sqlText: string): Locator {
    return this.rows.filter({ hasText: sqlText });
  }

  /** Marks the page so a test can prove it was never reloaded (a reload clears the mark). */
  async markDocument(): Promise<void> {
    await this.page.evaluate(() => document.documentElement.setAttribute('data-e2e-mark', 'set'));
  }

  async expectSameDocument(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-e2e-mark', 'set');
  }
}

export const test = base.extend<{ app: FlurryApp }>({
  app: async ({ page }, use) => {
    await use(new FlurryApp(page));
  },
});

export { expect };
