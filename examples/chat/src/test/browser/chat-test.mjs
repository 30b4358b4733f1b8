// Drives the chat in headless Chromium: two users in one room talk and see each other come and go, a third user
// in another room sees none of it, everyone gets the server's notice. Exits non-zero on the first failed check.
//
// node chat-test.mjs <app base URL> <chromium executable> <screenshot directory>
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join as joinPath } from 'node:path';

const [base, executablePath, shotDir] = process.argv.slice(2);
if (!base || !executablePath || !shotDir) {
  fail('usage: node chat-test.mjs <app base URL> <chromium executable> <screenshot directory>');
}
if (!existsSync(executablePath)) {
  fail(`no browser at ${executablePath}: install Debian's chromium (apt-get install chromium) or pass its path`);
}
mkdirSync(shotDir, { recursive: true });

const WAIT = 15_000;
// Quiet Chromium: no first-run UI, no calls home (the machine's network is closed), no sandbox when run as root.
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

let step = 0;
try {
  const alice = await join('alice', 'lobby');
  const bob = await join('bob', 'lobby');
  const carol = await join('carol', 'garden');

  await seeLine(alice, 'li.presence', 'bob joined the room');
  await seeLine(bob, 'li.presence', 'bob joined the room');
  ok('alice and bob see bob join the lobby');

  await say(carol, 'carol only talks to the garden');
  await seeChat(carol, 'carol', 'carol only talks to the garden');
  await say(alice, 'hello from alice');
  await seeChat(bob, 'alice', 'hello from alice');
  await seeChat(alice, 'alice', 'hello from alice');
  await say(bob, 'hi alice, bob here');
  await seeChat(alice, 'bob', 'hi alice, bob here');
  ok('alice and bob see each other\'s messages');

  await say(bob, '/who');
  await seeLine(bob, 'li.who', 'In lobby: alice, bob');
  ok('/who is answered to bob by the server: alice, bob');

  const notice = await alice.request.post(new URL('api/notices', base).href,
    { data: { text: 'maintenance at noon' } });
  check(notice.status() === 202, `POST api/notices answered ${notice.status()}, expected 202`);
  for (const page of [alice, bob, carol]) {
    await seeLine(page, 'li.notice', 'Notice: maintenance at noon');
  }
  ok('the server\'s notice reaches every room');

  await bob.click('#leave');
  await seeLine(alice, 'li.presence', 'bob left the room');
  ok('alice sees bob leave');

  // Everything for the lobby has arrived by now (alice saw bob leave, which was sent last); carol saw none of it,
  // and the lobby never saw carol.
  check(await carol.locator('li.chat').count() === 1, 'carol sees a message that is not her own');
  check(await carol.locator('li.presence', { hasText: /alice|bob/ }).count() === 0, 'carol sees lobby presence');
  check(await alice.locator('li', { hasText: 'carol' }).count() === 0, 'alice sees something of carol');
  ok('carol in the garden sees nothing of the lobby, and the lobby nothing of her');

  await say(alice, 'see you, bob');
  await seeChat(alice, 'alice', 'see you, bob');
  await alice.screenshot({ path: joinPath(shotDir, 'chat.png') });
  await carol.screenshot({ path: joinPath(shotDir, 'chat-garden.png') });
  ok(`screenshots in ${shotDir}`);
} catch (e) {
  for (const [i, page] of browser.contexts().map((c) => c.pages()[0]).entries()) {
    await page?.screenshot({ path: joinPath(shotDir, `failure-${i}.png`) }).catch(() => {});
  }
  fail(`step ${step + 1}: ${e.message}`);
} finally {
  await browser.close();
}
console.log(`chat browser test passed: ${step} checks`);

async function join(name, room) {
  const page = await (await browser.newContext({ viewport: { width: 900, height: 720 } })).newPage();
  page.on('pageerror', (e) => console.log(`[${name}] page error: ${e.message}`));
  await page.goto(base);
  await page.fill('#name', name);
  await page.fill('#room', room);
  await page.click('#join-button');
  await page.locator('#status', { hasText: `connected as ${name}` }).waitFor({ timeout: WAIT });
  ok(`${name} joined ${room}`);
  return page;
}

async function say(page, text) {
  await page.fill('#text', text);
  await page.click('#send-button');
}

async function seeChat(page, from, text) {
  await page.locator(`li.chat[data-from="${from}"]`, { hasText: text }).first().waitFor({ timeout: WAIT });
}

async function seeLine(page, selector, text) {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout: WAIT });
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function ok(message) {
  step++;
  console.log(`ok ${step} - ${message}`);
}

function fail(message) {
  console.error(`chat browser test FAILED: ${message}`);
  process.exit(1);
}
