// The web page end to end, in Debian's headless Chromium driven by
// playwright-core: a store built from the seed and example articles is
// served by `kroniek serve`; the test filters by type, opens the bombing's
// card (figures with verdicts, both sources), follows a report to its
// highlighted sentence (the highlight is the figure's exact text), and
// merges two events. A screenshot of each step goes to SHOTS; any console
// error fails the test.
//   node tests/e2e/web_test.mjs KRONIEK WEB_DIR SEEDS_DIR EXAMPLES_DIR SHOTS
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [kroniek, webDir, seeds, examples, shots] = process.argv.slice(2);
const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../../web/package.json'));
const { chromium } = require('playwright-core');
const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'e2e-token-0123456789abcdef';

const failures = [];
function check(name, ok, detail = '') {
  if (!ok) failures.push(`${name}: ${String(detail).slice(0, 300)}`);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
}

// True when the awaited condition came about in time (a timeout is a failed check).
const came = (promise) => promise.then(() => true, () => false);

if (!existsSync(CHROMIUM) || !existsSync(seeds)) {
  const why = !existsSync(CHROMIUM) ? `${CHROMIUM} is not installed` : `no seed articles in ${seeds}`;
  if (process.env.CI === 'true') {
    console.error(`web_test: ${why}`);
    process.exit(1);
  }
  console.log(`web_test: skipped: ${why}`);
  process.exit(77);
}

const tmp = mkdtempSync(join(tmpdir(), 'kroniek-e2e-'));
const db = join(tmp, 'k.db');
const articles = [
  ...readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => join(seeds, f)),
  ...readdirSync(examples).filter((f) => f.endsWith('.txt')).map((f) => join(examples, f)),
];
const ingest = spawnSync(kroniek, ['ingest', '--db', db, ...articles], { encoding: 'utf8' });
check('the store is built', ingest.status === 0, ingest.stderr);
writeFileSync(join(tmp, 'token'), `${TOKEN}\n`);

const server = spawn(kroniek, ['serve', '--db', db, '--port', '0', '--web', webDir, '--token-file', join(tmp, 'token'), '--quiet']);
const base = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(d));
    if (m) resolve(`http://127.0.0.1:${m[1]}`);
  });
  server.on('exit', (code) => reject(new Error(`kroniek serve exited with ${code}`)));
});

rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const consoleErrors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(e.stack || String(e)));
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });

  // 1. The page loads the stored events.
  await page.goto(`${base}/`);
  await page.waitForSelector('#events li button');
  const total = await page.locator('#events li').count();
  check('the page lists the stored events', total > 5, total);
  check('the timeline draws them', (await page.locator('svg.timeline circle').count()) > 3);
  await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path').length > 50, null, { timeout: 10000 });
  check('the map has its offline basemap', (await page.locator('.leaflet-overlay-pane path').count()) > 50);
  await shot('1-loaded');

  // Keyboard and labels: every control is labelled; Tab and Enter open an event.
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label')).map((el) => el.outerHTML));
  check('every control has a label', unlabelled.length === 0, unlabelled.join(' '));
  const firstButton = page.locator('#events li button').first();
  const firstId = await firstButton.getAttribute('data-id');
  await firstButton.focus();
  await page.keyboard.press('Enter');
  check('keyboard: Enter on a listed event opens its card', await came(page.waitForSelector(`.card[data-id="${firstId}"]`)));
  // Selecting on the timeline highlights the list (and the map).
  const circle = page.locator('svg.timeline circle').last();
  const circleId = await circle.getAttribute('data-id');
  await circle.focus();
  await page.keyboard.press('Enter');
  check('timeline selection (keyboard) highlights the list',
    await came(page.waitForSelector(`#events button[data-id="${circleId}"][aria-current="true"]`)));

  // 2. Filter by type.
  await page.selectOption('select[name=type]', 'suicide_bombing');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction((n) => document.querySelectorAll('#events li').length < n, total);
  const types = await page.locator('#events li button').allTextContents();
  check('filter by type', types.length >= 1 && types.every((t) => t.includes('suicide bombing')), types);
  await shot('2-filtered');

  // 3. The bombing's card: figures with verdicts, both seed articles.
  await page.locator('#events li button').first().click();
  await page.waitForSelector('.card .figure');
  const card = await page.locator('.card').innerText();
  const verdicts = await page.locator('.card .verdict').allTextContents();
  check('the card shows figures with verdicts', verdicts.length >= 2 && verdicts.includes('updated'), verdicts);
  const sources = await page.locator('.card .sources li').count();
  check('the card lists both sources', sources === 2, card);
  const killed = page.locator('.card .figure', { hasText: 'killed (people)' });
  const reports = await killed.locator('tbody tr').count();
  check('the toll shows its reports side by side', reports >= 2, reports);
  check('and its history as a step chart', (await killed.locator('svg.steps').count()) === 1);
  const selected = await page.locator('svg.timeline circle.selected').count();
  check('the timeline marks the selected event', selected === 1, selected);
  await shot('3-card');

  // 4. Follow a report to its sentence: the highlight is the figure's text.
  const eventId = await page.locator('.card').getAttribute('data-id');
  const detail = await (await fetch(`${base}/api/events/${eventId}`)).json();
  const figure = detail.event.figures.find((f) => f.kind === 'killed' && f.group === 'people');
  const report = figure.history[figure.history.length - 1];
  const article = await (await fetch(`${base}/api/articles/${encodeURIComponent(report.article)}`)).json();
  const surface = Buffer.from(article.record.text, 'utf8').subarray(report.span[0], report.span[1]).toString('utf8');
  await killed.locator('tbody tr').last().locator('button.show-report').click();
  await page.waitForSelector('mark.target');
  const highlighted = await page.locator('mark.target').innerText();
  check('the highlighted text is the figure\'s surface', highlighted === surface, `${highlighted} != ${surface}`);
  check('the highlight is in view', await page.locator('mark.target').isVisible());
  await shot('4-article');

  // 5. Merge two events (with the token).
  await page.click('#access summary');
  await page.fill('#token', TOKEN);
  await page.fill('#who', 'e2e');
  await page.locator('#who').press('Tab');
  await page.click('#filters button[type=reset]');
  await page.waitForFunction((n) => document.querySelectorAll('#events li').length === n, total);
  const first = await page.locator('#events li button').first().getAttribute('data-id');
  await page.locator('#events li button').first().click();
  await page.waitForSelector(`.card[data-id="${first}"] #merge`);
  const other = await page.locator('#merge-with option').first().getAttribute('value');
  await page.click('#merge');
  await page.waitForFunction((n) => document.querySelectorAll('#events li').length === n - 1, total, { timeout: 10000 });
  const gone = await (await fetch(`${base}/api/events/${first}`)).status;
  const kept = await (await fetch(`${base}/api/events/${other}`)).status;
  check('merge: one event fewer, one id lives on', [gone, kept].sort().join() === '200,410', `${first}:${gone} ${other}:${kept}`);
  await page.waitForSelector('.card');
  await shot('5-merged');

  // 6. Upload an article of our own; it is analyzed and its event listed.
  const before = await page.locator('#events li').count();
  await page.fill('#upload-text', ' date 2024-03-12 Brand in Leuven\n\nBij een brand in een studentenhuis in Leuven '
    + 'zijn dinsdagnacht drie mensen gewond geraakt, meldt de brandweer.');
  await page.click('#upload-send');
  check('upload: analyzed and stored', await came(page.waitForFunction(
    () => /1 new/.test(document.getElementById('upload-result').textContent), null, { timeout: 10000 })));
  check('upload: its event listed', await came(page.waitForFunction((n) => document.querySelectorAll('#events li').length > n, before)));
  await shot('6-uploaded');

  check('no console errors', consoleErrors.length === 0, consoleErrors.join(' | '));
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
console.log(failures.length ? `${failures.length} checks failed` : 'all checks passed');
for (const f of failures) console.log(`FAILED ${f}`);
process.exit(failures.length ? 1 : 0);
