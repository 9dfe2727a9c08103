/**
 * Keeping strangers out, on a dashboard and local warehouse of this spec's own, set up
 * as on a shared machine: an access token, a read-only token, and a warehouse login. Strangers
 * get only the sign-in page; a read-only person watches but changes nothing, even by POSTing to
 * the server actions directly; no secret reaches the browser in any page, chunk, RSC payload,
 * API answer or event; warehouse data renders as text under the pages' Content-Security-Policy.
 */
import { spawn } from 'node:child_process';
import { expect, request as playwrightRequest, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { SECURITY_PORTS } from './ports';
import { freshDir, startDashboard, startWarehouse, type FlurryProcess } from './support/processes';

const BASE_URL = `http://127.0.0.1:${SECURITY_PORTS.dashboard}`;
const FULL_TOKEN = 'e2e-full-token-Zq81wPmc7TtA';
const READ_ONLY_TOKEN = 'e2e-read-only-token-Hv42kLsd9XyB';
const WAREHOUSE = { user: 'e2e_sec_svc', password: 'e2e-warehouse-pw-Rj57nQ0x' };
const READ_ONLY_REFUSAL = 'This access token is read-only';
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '<script>window.__xss=2</script>';
const ROOT_TASK = 'FLURRY.PUBLIC.E2E_SEC_ROOT';
const POOL = 'E2E_SEC_POOL';

const PAGES = (ids: Ids) => [
  '/',
  '/jobs',
  `/jobs/${ids.selectJob}`,
  `/jobs/${ids.serviceJob}`,
  '/launch',
  '/timeline',
  '/tasks',
  `/tasks/${encodeURIComponent(ROOT_TASK)}`,
  '/tasks/new',
  '/audit',
  `/batches/${ids.batch}`,
];

const API_ROUTES = (ids: Ids) => [
  '/api/health',
  '/api/jobs',
  `/api/jobs/${ids.selectJob}`,
  `/api/jobs/${ids.selectJob}/result?limit=10`,
  `/api/jobs/${ids.selectJob}/csv`,
  `/api/jobs/${ids.serviceJob}/containers`,
  `/api/jobs/${ids.serviceJob}/logs?instance=0&container=main&lines=100`,
  '/api/batches',
  '/api/compute-pools',
  '/api/tasks',
  '/api/tasks/runs',
  '/api/tasks/form-context',
  `/api/timeline?batch=${ids.batch}`,
  '/api/audit',
];

interface Ids {
  batch: string;
  selectJob: string;
  errorJob: string;
  serviceJob: string;
}

/** A server action call as the browser made it, to be replayed by hand. */
interface CapturedAction {
  url: string;
  headers: Record<string, string>;
}

let warehouse: FlurryProcess;
let dashboard: FlurryProcess;
let ids: Ids;
let launchAction: CapturedAction;
let taskAction: CapturedAction;
/** Every body the browser and the test received, for the secrets sweep. */
const bodies: { url: string; text: string }[] = [];
const sessionCookies: string[] = [];

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: BASE_URL });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const dataDir = freshDir('security');
  const login = { FLURRY_WAREHOUSE_USER: WAREHOUSE.user, FLURRY_WAREHOUSE_PASSWORD: WAREHOUSE.password };
  warehouse = await startWarehouse({ port: SECURITY_PORTS.warehouse, dataDir, env: login });
  dashboard = await startDashboard({
    port: SECURITY_PORTS.dashboard,
    warehousePort: SECURITY_PORTS.warehouse,
    dataDir,
    env: { ...login, FLURRY_AUTH_TOKEN: FULL_TOKEN, FLURRY_READ_ONLY_TOKEN: READ_ONLY_TOKEN },
  });
});

test.afterAll(async () => {
  await dashboard?.kill('SIGTERM');
  await warehouse?.kill('SIGTERM');
});

/** Keeps every response body the context receives (the change stream is read separately: it never ends). */
function recordBodies(context: BrowserContext): () => Promise<void> {
  const reads: Promise<void>[] = [];
  context.on('response', (response) => {
    if (response.url().includes('/api/events') || (response.status() >= 300 && response.status() < 400)) return;
    reads.push(
      response
        .body()
        .then((body) => void bodies.push({ url: response.url(), text: body.toString('utf8') }))
        .catch(() => undefined),
    );
  });
  return async () => void (await Promise.all(reads));
}

/** Collects Content-Security-Policy violations the page reports. */
async function watchPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('__reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return violations;
}

async function signIn(page: Page, token: string, name: string): Promise<string> {
  await page.goto('/jobs');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs$/);
  await page.getByLabel('Access token').fill(token);
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/jobs$/);
  await expect(page.getByTestId('signed-in')).toContainText(`Signed in as ${name}`);
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === 'flurry_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
  // About 12 hours from now.
  expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(11.9 * 3600_000);
  expect(cookie!.value).not.toContain(token);
  sessionCookies.push(cookie!.value);
  return cookie!.value;
}

function captureAction(page: Page, onPath: string): Promise<CapturedAction> {
  return new Promise((resolve) => {
    const listener = (request: import('@playwright/test').Request) => {
      const headers = request.headers();
      if (request.method() === 'POST' && headers['next-action'] && new URL(request.url()).pathname.startsWith(onPath)) {
        page.off('request', listener);
        resolve({ url: request.url(), headers });
      }
    };
    page.on('request', listener);
  });
}

/** A fresh client: no cookies unless given. */
async function client(cookie?: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: cookie ? { cookie: `flurry_session=${cookie}` } : {},
  });
}

/** POSTs `args` to a captured server action, as a script would. */
async function postAction(api: APIRequestContext, action: CapturedAction, args: unknown[], headers: Record<string, string> = {}) {
  return api.post(action.url, {
    headers: {
      'next-action': action.headers['next-action'],
      'next-router-state-tree': action.headers['next-router-state-tree'] ?? '',
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: BASE_URL,
      ...headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}

async function jobTotal(): Promise<number> {
  const api = await playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${FULL_TOKEN}` } });
  const list = await (await api.get('/api/jobs')).json();
  await api.dispose();
  return list.total;
}

/** The first events of the change stream while `during` runs. */
async function readEvents(cookie: string, during: () => Promise<void>): Promise<string> {
  const abort = new AbortController();
  const response = await fetch(`${BASE_URL}/api/events`, { headers: { cookie: `flurry_session=${cookie}` }, signal: abort.signal });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let text = '';
  const reading = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    } catch {
      // Aborted below.
    }
  })();
  await during();
  abort.abort();
  await reading;
  return text;
}

async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

test('the dashboard refuses to start where other machines reach it without a token', async () => {
  // `next start` run by hand, not through the launcher (which checks HOST before it starts it).
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--hostname', '0.0.0.0', '--port', String(SECURITY_PORTS.dashboard + 100)], {
    env: { ...process.env, FLURRY_DATA_DIR: freshDir('security-open'), FLURRY_AUTH_TOKEN: '', SNOWFLAKE_ACCOUNT: '' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  expect(output).toContain('flurry: refusing to start: The dashboard would listen on 0.0.0.0');
  expect(output).toContain('FLURRY_AUTH_TOKEN is not set');
});

test('a stranger gets the sign-in page for every page and 401 from every API route', async ({ page }) => {
  const stranger = await client();
  for (const path of PAGES({ batch: 'b', selectJob: 'j', errorJob: 'e', serviceJob: 's' })) {
    const response = await stranger.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(303);
    expect(response.headers().location, path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  const someId = '00000000-0000-4000-8000-000000000000';
  for (const path of [...API_ROUTES({ batch: someId, selectJob: someId, errorJob: someId, serviceJob: someId }), '/api/events']) {
    const response = await stranger.get(path);
    expect(response.status(), path).toBe(401);
    expect(await response.json(), path).toEqual({ error: 'Sign in first: this dashboard asks for its access token (FLURRY_AUTH_TOKEN).', code: 'unauthenticated' });
  }
  // Scripts use a Bearer token instead of the cookie; a wrong one is no better than none.
  expect((await stranger.get('/api/health', { headers: { authorization: 'Bearer not-the-token-at-all' } })).status()).toBe(401);
  expect((await stranger.get('/api/health', { headers: { authorization: `Bearer ${READ_ONLY_TOKEN}` } })).status()).toBe(200);
  await stranger.dispose();

  // A wrong token is refused on the sign-in page, which leads nowhere else.
  await page.goto('/launch');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Flaunch$/);
  await page.getByLabel('Access token').fill('a-wrong-token-of-some-length');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText('That is not this dashboard\u2019s access token.');
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('flurry_session');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  // ?next= cannot send anyone off the dashboard.
  await page.goto('/sign-in?next=//evil.example/steal');
  await page.getByLabel('Access token').fill(FULL_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${BASE_URL}/jobs`);
});

test('warehouse data is shown as text: a result, a log line and an error with HTML in them stay inert', async ({ page, context }) => {
  test.setTimeout(180_000);
  const finish = recordBodies(context);
  const violations = await watchPolicy(page);
  const cookie = await signIn(page, FULL_TOKEN, 'E2E Ana');

  const launched = captureAction(page, '/launch');
  const events = await readEvents(cookie, async () => {
    await page.goto('/launch');
    const sql = [
      `SELECT '${XSS_IMG}' AS IMG, '${XSS_SCRIPT}' AS SCRIPT`,
      `SELECT * FROM "${XSS_IMG.replaceAll('"', '""')}"`,
      `CREATE COMPUTE POOL IF NOT EXISTS ${POOL} MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_S`,
      `CREATE OR REPLACE TASK ${ROOT_TASK} WAREHOUSE = COMPUTE_WH SCHEDULE = '60 MINUTE' AS SELECT 1`,
    ].join(';\n');
    await page.getByRole('textbox', { name: 'SQL', exact: true }).fill(sql);
    await expect(page.getByTestId('statement-count')).toHaveText('4 statements');
    await page.getByRole('button', { name: /^Launch/ }).click();
    await page.waitForURL(/\/jobs\?batch=/);
    const rows = page.getByTestId('job-row');
    await expect(rows).toHaveCount(4);
    for (const row of await rows.all()) await expect(row.getByTestId('job-status')).toHaveText(/Succeeded|Failed/, { timeout: 30_000 });
  });
  launchAction = await launched;
  expect(events).toContain('retry: 2000');
  expect(events).toContain('data: ');
  bodies.push({ url: `${BASE_URL}/api/events`, text: events });

  const batch = new URL(page.url()).searchParams.get('batch')!;
  const jobs = (await (await page.request.get(`/api/jobs?batch=${batch}`)).json()).jobs as { id: string; sql: string }[];
  const jobOf = (start: string) => jobs.find((job) => job.sql.startsWith(start))!.id;
  ids = { batch, selectJob: jobOf('SELECT \''), errorJob: jobOf('SELECT * FROM'), serviceJob: '' };

  // The result's cells.
  await page.goto(`/jobs/${ids.selectJob}`);
  await expect(page.getByRole('cell', { name: XSS_IMG, exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: XSS_SCRIPT, exact: true })).toBeVisible();
  await expectInert(page);

  // The warehouse's error names the table.
  await page.goto(`/jobs/${ids.errorJob}`);
  await expect(page.getByTestId('job-error')).toContainText(XSS_IMG);
  await expectInert(page);

  // A job service whose container prints it in its log.
  await page.goto('/launch?kind=job_service');
  const form = page.getByRole('form', { name: 'Job service' });
  // The form starts on the first pool listed once the list arrives; filling before that races it.
  await expect(form.getByLabel('Compute pool')).not.toHaveValue('');
  await form.getByLabel('Compute pool').fill(POOL);
  await form.getByLabel('Image').fill('flurry_test');
  await form.getByLabel('Arguments').fill('--env');
  await form.getByLabel('Environment').fill(`XSS_IMG=${XSS_IMG}\nXSS_SCRIPT=${XSS_SCRIPT}`);
  await form.getByRole('button', { name: 'Launch job service' }).click();
  await page.waitForURL(/\/jobs\/[^/?]+$/);
  ids.serviceJob = new URL(page.url()).pathname.split('/').pop()!;
  const log = page.getByTestId('log-lines');
  await expect(log).toContainText(`XSS_IMG=${XSS_IMG}`, { timeout: 60_000 });
  await expect(log).toContainText(`XSS_SCRIPT=${XSS_SCRIPT}`);
  await expect(page.getByTestId('job-status')).toHaveText(/Succeeded/, { timeout: 60_000 });
  await expectInert(page);

  // A task action, to replay later as someone who may not.
  await page.goto(`/tasks/${encodeURIComponent(ROOT_TASK)}`);
  const resumed = captureAction(page, '/tasks/');
  await page.getByRole('button', { name: 'Resume with dependents' }).click();
  taskAction = await resumed;
  await expect(page.getByRole('button', { name: 'Suspend' })).toBeVisible();
  await page.getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByRole('button', { name: 'Resume with dependents' })).toBeVisible();

  await finish();
  expect(violations).toEqual([]);
});

test('signed in, every page works under its Content-Security-Policy, and no secret reaches the browser', async ({ page, context }) => {
  test.setTimeout(180_000);
  const finish = recordBodies(context);
  const violations = await watchPolicy(page);
  const cookie = await signIn(page, FULL_TOKEN, 'E2E Ana');

  const nonces = new Set<string>();
  for (const path of PAGES(ids)) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const policy = response!.headers()['content-security-policy'];
    expect(policy, path).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'; style-src 'self' 'unsafe-inline';/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    nonces.add(/'nonce-([^']+)'/.exec(policy)![1]);
    expect(response!.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' });
    // The page hydrated: its live data came in through the API.
    await expect(page.getByTestId('health')).toContainText('local warehouse', { timeout: 30_000 });
    await expect(page.getByTestId('signed-in')).toContainText('E2E Ana');
  }
  expect(nonces.size).toBe(PAGES(ids).length);
  // A move inside the app fetches the next page as an RSC payload rather than HTML.
  const payload = page.waitForResponse((response) => response.url().includes('/timeline') && response.request().headers().rsc === '1');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click();
  await payload;
  await page.goto(`/jobs/${ids.selectJob}`);
  await expect(page.getByRole('cell', { name: XSS_IMG, exact: true })).toBeVisible();
  await page.goto(`/tasks/${encodeURIComponent(ROOT_TASK)}`);
  await expect(page.locator('[data-task-node]')).toHaveCount(1);

  for (const path of API_ROUTES(ids)) {
    const response = await page.request.get(path);
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
    bodies.push({ url: path, text: await response.text() });
  }
  bodies.push({ url: '/api/events', text: await readEvents(cookie, () => new Promise((resolve) => setTimeout(resolve, 1_000))) });
  await finish();
  expect(violations).toEqual([]);

  // The sweep: pages, RSC payloads, JS chunks, CSS, JSON and events, from this test and the last.
  const kinds = new Set(bodies.map(({ url }) => (url.includes('/_next/static/') ? 'static' : url.includes('/api/') ? 'api' : 'page')));
  expect([...kinds].sort()).toEqual(['api', 'page', 'static']);
  expect(bodies.length).toBeGreaterThan(50);
  const secrets = [FULL_TOKEN, READ_ONLY_TOKEN, WAREHOUSE.password, ...sessionCookies];
  for (const { url, text } of bodies) {
    for (const secret of secrets) expect(text.includes(secret), `${url} contains a secret`).toBe(false);
  }
});

test('read-only: can watch everything, cannot launch, cancel or change anything, in the UI or by direct POST', async ({ page }) => {
  const cookie = await signIn(page, READ_ONLY_TOKEN, 'E2E Viewer');
  await expect(page.getByTestId('signed-in')).toContainText('(read-only)');
  await expect(page.getByTestId('job-row').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Cancel selected/ })).toBeDisabled();

  await page.goto('/launch');
  await expect(page.getByTestId('read-only-note')).toContainText(READ_ONLY_REFUSAL);
  await expect(page.getByRole('button', { name: /^Launch/ })).toBeDisabled();
  await page.goto(`/tasks/${encodeURIComponent(ROOT_TASK)}`);
  await expect(page.locator('[data-task-node]')).toHaveCount(1);
  for (const name of ['Run now', 'Resume with dependents']) await expect(page.getByRole('button', { name })).toBeDisabled();
  await page.goto('/tasks/new');
  await expect(page.getByRole('button', { name: 'Create task' })).toBeDisabled();
  await page.goto(`/jobs/${ids.serviceJob}`);
  await expect(page.getByTestId('log-lines')).toContainText('XSS_IMG=');

  // The server refuses it too.
  const before = await jobTotal();
  const viewer = await client(cookie);
  const launch = await postAction(viewer, launchAction, [{ sql: 'SELECT 42 AS INTRUDER', mode: 'parallel', label: 'read-only' }]);
  expect(launch.status()).toBe(200);
  expect(await launch.text()).toContain(READ_ONLY_REFUSAL);
  const run = await postAction(viewer, taskAction, [{ kind: 'execute', root: ROOT_TASK }]);
  expect(await run.text()).toContain(READ_ONLY_REFUSAL);
  await viewer.dispose();
  expect(await jobTotal()).toBe(before);

  // And the audit log says who tried.
  const api = await client(cookie);
  const audit = (await (await api.get('/api/audit?outcome=refused&actor=E2E%20Viewer')).json()).entries as { action: string; access: string }[];
  expect(audit.map((entry) => entry.action).sort()).toEqual(['launch-batch', 'run-task-action']);
  expect(audit.every((entry) => entry.access === 'read-only')).toBe(true);
  const signIns = (await (await api.get('/api/audit?action=sign-in')).json()).entries as { actor: string; outcome: string }[];
  expect(signIns.filter((entry) => entry.outcome === 'refused').length).toBeGreaterThanOrEqual(1);
  expect(signIns.some((entry) => entry.actor === 'E2E Viewer' && entry.outcome === 'ok')).toBe(true);
  await api.dispose();

  // Signing out clears the cookie, and with it the way in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in$/);
  expect((await page.context().cookies()).map((candidate) => candidate.name)).not.toContain('flurry_session');
  await page.goto('/jobs');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs$/);
  const signOuts = (await (await page.request.get('/api/audit?action=sign-out', { headers: { authorization: `Bearer ${FULL_TOKEN}` } })).json()).entries;
  expect(signOuts).toEqual([expect.objectContaining({ actor: 'E2E Viewer', outcome: 'ok' })]);
});

test('server actions: no session, another origin or an oversized body are all refused, and the server stays up', async ({ page }) => {
  const before = await jobTotal();
  const args = [{ sql: 'SELECT 42 AS INTRUDER', mode: 'parallel', label: 'intruder' }];

  const stranger = await client();
  const anonymous = await postAction(stranger, launchAction, args);
  expect(anonymous.status()).toBe(303);
  expect(anonymous.headers().location).toContain('/sign-in?next=');
  await stranger.dispose();

  const cookie = await signIn(page, FULL_TOKEN, 'E2E Ana');
  const ana = await client(cookie);
  // Next.js's own check: the Origin must be this dashboard's.
  const crossOrigin = await postAction(ana, launchAction, args, { origin: 'http://evil.example' });
  expect(crossOrigin.status()).toBe(500);
  expect(await crossOrigin.text()).not.toContain('"ok":true');

  const oversized = await postAction(ana, launchAction, [{ sql: `SELECT '${'x'.repeat(3 * 1024 * 1024)}'`, mode: 'parallel', label: null }]);
  expect(oversized.status()).toBe(413);
  expect(await oversized.text()).toMatch(/^The request body is 3,145,\d{3} bytes; a server action takes at most 2,097,152 bytes \(2 MB\)\.$/);

  const toRoute = await ana.post('/api/jobs', { data: 'x'.repeat(3 * 1024 * 1024), headers: { 'content-type': 'text/plain' } });
  expect(toRoute.status()).toBe(405);
  const longQuery = await ana.get(`/api/jobs?q=${'x'.repeat(40_000)}`);
  expect(longQuery.status()).toBe(431);

  expect(await jobTotal()).toBe(before);
  expect((await ana.get('/api/health')).status()).toBe(200);
  await ana.dispose();
  expect(dashboard.output()).not.toContain('FATAL');
});
