// Browser end-to-end test: launch pages written by eduauth are loaded by the real
// agora-classroom-sdk 2.9.52 in headless Debian Chromium (driven by playwright-core; never a
// downloaded browser). Valid launchOptions must pass the SDK's own validation
// (AgoraEduSDK._validateOptions) and launch() must return its unmount function; the control
// pages (our validation bypassed) must be refused by the SDK with its own message.
// The classroom cannot reach Agora from here (requests leaving 127.0.0.1 are aborted): what
// happens after validation is logged, not asserted.
//
// node browser_test.mjs --pages <eduauth-e2e-pages> --sdk-dir <agora-classroom-sdk/lib> --work <dir>
//                       [--launcher <eduauth-launch> --token-server <eduauth-token-server>]
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const sdkDir = args['sdk-dir'] ?? path.join(here, 'vendor/agora-classroom-sdk/lib');
const work = args.work ?? fs.mkdtempSync('/tmp/eduauth-e2e-');
const bundle = path.join(sdkDir, 'edu_sdk.bundle.js');
if (!fs.existsSync(bundle) || !fs.existsSync(path.join(here, 'node_modules/playwright-core')))
  throw new Error(`missing ${bundle} or playwright-core: run scripts/npm-deps first`);
const { chromium } = await import(path.join(here, 'node_modules/playwright-core/index.mjs'));

const log = (...a) => console.log('#', ...a);
let server, context, baseUrl, manifest;
const blocked = new Map();
const children = [];

function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };
  return new Promise((resolve) => {
    const s = http.createServer((req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const file = url.pathname.startsWith('/sdk/')
        ? path.join(sdkDir, path.normalize(url.pathname.slice(5)))
        : path.join(root, path.normalize(url.pathname));
      if (!file.startsWith(sdkDir) && !file.startsWith(root)) { res.writeHead(403).end(); return; }
      fs.readFile(file, (err, data) => {
        if (err) { res.writeHead(404).end(); return; }
        // The 12 MB SDK bundle is fetched (and compiled) once, then served from the cache.
        const cache = url.pathname.startsWith('/sdk/') ? 'public, max-age=3600, immutable' : 'no-store';
        res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': cache }).end(data);
      });
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

// The token server prints its URL on stdout; wait for it (bounded).
function startTokenServer(bin) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    const timer = setTimeout(() => reject(new Error('token server did not print its URL within 10 s: ' + out)), 10000);
    const onData = (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error('token server exited with ' + code + ': ' + out)));
  });
}

before(async () => {
  fs.mkdirSync(work, { recursive: true });
  manifest = JSON.parse(execFileSync(args.pages, [work], { encoding: 'utf8' }));
  if (args.launcher && args['token-server']) {
    const url = await startTokenServer(args['token-server']);
    execFileSync(args.launcher, ['--server', url, '--preset', 'education', '--room-uuid', 'e2e-launcher-room',
      '--room-name', 'E2E launcher room', '--room-type', 'lecture', '--user-uuid', 'e2e-student',
      '--user-name', '学生 🙂', '--role', 'student', '--duration', '1800', '--language', 'en',
      '--sdk-url', '/sdk/edu_sdk.bundle.js', '--html', path.join(work, 'accepted-launcher.html')],
    { stdio: ['ignore', 'ignore', 'inherit'], timeout: 20000 });
    // One bundle load is enough: the launcher's page is loaded, the generator's pages relaunched in it.
    for (const p of manifest.pages) p.full = false;
    manifest.pages.unshift({ file: 'accepted-launcher.html', expect: 'launched', error: '', full: true });
  }
  server = await serve(work);
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(work, 'profile-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
  // Only the local server: the classroom's calls to Agora are aborted (counted, logged at the end).
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1') return route.continue();
    const key = route.request().method() + ' ' + u.origin + u.pathname;
    blocked.set(key, (blocked.get(key) ?? 0) + 1);
    return route.abort();
  });
});

after(async () => {
  for (const [k, n] of blocked) log(`blocked x${n}: ${k}`);
  await context?.close();
  server?.close();
  for (const c of children) c.kill('SIGTERM');
});

const VALIDATION = /AgoraEduSDK: (Invalid|LaunchOption is required|\w+ is required)/;
const STATE = () => ({ status: window.eduauthLaunch.status, error: window.eduauthLaunch.error,
  events: window.eduauthLaunch.events });

// The launchOption JSON a generated page embeds (as the page itself reads it).
function optionOf(file) {
  const html = fs.readFileSync(path.join(work, file), 'utf8');
  const m = html.match(/<script type="application\/json" id="launch-option">([\s\S]*?)<\/script>/);
  assert.ok(m, `${file} has no launch-option element`);
  return JSON.parse(m[1]);
}

function check(entry, state, messages) {
  log(entry.file, '->', state.status, state.error ?? '');
  if (entry.expect === 'launched') {
    assert.equal(state.status, 'launched', `launch() did not return its unmount function: ${state.error}`);
    assert.deepEqual(messages.filter((m) => VALIDATION.test(m)), [], 'the SDK reported a validation error');
    const option = optionOf(entry.file);
    assert.match(option.appId, /^[0-9a-fA-F]{32}$/);
    assert.ok(String(option.token ?? option.rtmToken).startsWith('007'));
  } else {
    assert.equal(state.status, 'rejected');
    assert.equal(state.error, entry.error);
  }
  // What the classroom did after validation (it cannot reach Agora here): logged only.
  // (The SDK's own "launched with options" line carries the token: never echoed.)
  for (const m of messages.filter((x) => !/launched with options|token/i.test(x)).slice(0, 4)) log('  ', m.slice(0, 160));
  if (state.events.length) log('   events:', JSON.stringify(state.events).slice(0, 300));
}

// A page load pays for compiling the 12 MB SDK bundle (20-45 s on a busy 2-core machine), so
// pages marked `full` are loaded as they are, and the other pages' options are launched by
// the same page code (window.eduauthLaunchOption) in the page already loaded, after the
// previous classroom is unmounted.
test('the real classroom SDK accepts and rejects launch pages as expected', async (t) => {
  assert.ok(manifest.pages.length >= 5);
  const full = manifest.pages.filter((p) => p.full);
  const rest = manifest.pages.filter((p) => !p.full);
  assert.ok(full.length >= 1);
  let page, messages;
  for (const entry of full) {
    await t.test(`${entry.file} (page load)`, async () => {
      if (page) await page.close();
      page = await context.newPage();
      messages = [];
      page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
      const t0 = Date.now();
      await page.goto(`${baseUrl}/${entry.file}`, { waitUntil: 'domcontentloaded', timeout: 90000 });
      await page.waitForFunction(() => window.eduauthLaunch && window.eduauthLaunch.status !== 'pending', null,
        { timeout: 60000 });
      log(entry.file, `loaded and decided in ${Date.now() - t0} ms`);
      check(entry, await page.evaluate(STATE), messages);
      if (args.screenshot) await page.screenshot({ path: args.screenshot });
    });
  }
  for (const entry of rest) {
    await t.test(`${entry.file} (same page code, relaunched)`, async () => {
      messages.length = 0;
      const state = await page.evaluate((option) => {
        if (window.eduauthLaunch && window.eduauthLaunch.unmount) window.eduauthLaunch.unmount();
        const s = window.eduauthLaunchOption(option);
        return { status: s.status, error: s.error, events: s.events };
      }, optionOf(entry.file));
      check(entry, state, messages);
    });
  }
  await page?.close();
});
