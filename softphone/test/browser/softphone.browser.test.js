// The built softphone in a real headless Chromium (Debian's, driven by playwright-core): Connect is played by the
// Streams stand-in, the agent API by a local server. Every action is clicked; the screens, the requests (agent
// header, bodies) and the clipboard are checked; a screenshot of each screen goes to target/screenshots/.
import { after, before, beforeEach, afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ContactAttribute as A } from '../../src/generated/vocabulary.js';
import { startFakeAgentApi } from '../support/fake-agent-api.js';
import { startStaticServer } from '../support/static-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const shots = join(root, 'target', 'screenshots');
const AGENT_ARN = 'arn:aws:connect:eu-west-2:111122223333:instance/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/agent/0f0f0f0f-1111-4222-8333-444444444444';
const INSTANCE_URL = 'https://nomidio-test.my.connect.aws';
// Generous: a busy 2-core machine, never a timing assertion.
const WAIT = { timeout: 30_000 };

/** Polls a condition of the test's own state (the fake API's records), with the same generous bound. */
async function waitUntil(condition) {
    const end = Date.now() + WAIT.timeout;
    while (!condition()) {
        if (Date.now() > end) throw new Error('condition not reached');
        await new Promise((resolve) => { setTimeout(resolve, 50); });
    }
}

function standInScript() {
    return readFileSync(join(root, 'test', 'support', 'streams-stand-in.js'), 'utf8').replace('__AGENT_ARN__', AGENT_ARN);
}

function chromiumPath() {
    if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
    return execFileSync(join(root, '..', 'dev-tools', 'ensure-chromium.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

describe('softphone in Chromium', () => {
    let browser;
    let profile;
    let api;
    let site;
    let context;
    let page;
    let pageErrors = [];

    before(async () => {
        assert.ok(existsSync(join(dist, 'app.js')), 'dist/ is built first (npm run build)');
        mkdirSync(shots, { recursive: true });
        profile = mkdtempSync(join(tmpdir(), 'softphone-chromium-'));
        site = await startStaticServer({ dir: dist, config: () => ({ connectInstanceUrl: INSTANCE_URL, region: 'eu-west-2', apiUrl: api.url }) });
        api = await startFakeAgentApi({ agentArn: AGENT_ARN, allowedOrigin: site.url });
        // A fresh profile (launchPersistentContext's own --user-data-dir) and no network but loopback traffic.
        context = await chromium.launchPersistentContext(profile, {
            executablePath: chromiumPath(),
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                '--disable-component-update', '--disable-sync'],
            viewport: { width: 400, height: 900 },
        });
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
        browser = context;
    });

    after(async () => {
        await browser?.close();
        await api?.close();
        await site?.close();
        if (profile) rmSync(profile, { recursive: true, force: true });
    });

    beforeEach(async () => {
        page = await context.newPage();
        await page.addInitScript({ content: standInScript() });
        pageErrors = [];
        page.on('pageerror', (error) => pageErrors.push(error));
        api.requests.length = 0;
        await page.goto(`${site.url}/index.html`);
        await screen('NO_CONTACT');
    });

    afterEach(async () => {
        await page?.close();
        assert.deepEqual(pageErrors, [], 'the page threw no error');
    });

    const panel = () => page.locator('#nomidio');
    const menuButton = (id) => page.locator(`.menu button[data-action="${id}"]`);
    const screenButton = (id) => page.locator(`.screen-actions button[data-action="${id}"]`);
    async function screen(name) {
        await page.waitForSelector(`#nomidio[data-screen="${name}"][aria-busy="false"]`, WAIT);
    }
    async function shot(name) {
        assert.doesNotMatch(await panel().innerText(), /\b(null|undefined|NaN)\b/, 'no placeholder leaks into the panel');
        await panel().screenshot({ path: join(shots, `${name}.png`) });
    }
    async function arrive(contactId, attributes) {
        api.setContact(contactId, attributes);
        await page.evaluate(([id, attrs]) => window.standIn.connect(id, attrs), [contactId, attributes]);
    }
    const posts = () => api.requests.filter((r) => r.method === 'POST');
    async function visibleMenu() {
        return page.$$eval('.menu button', (buttons) => buttons.map((b) => `${b.dataset.action}${b.disabled ? ':off' : ''}`));
    }

    it('without the stand-in, the bundled Streams library embeds the instance CCP (no CDN)', async () => {
        const real = await context.newPage();
        const outside = [];
        // The instance is not reachable from here: answer its CCP page with an empty one, and note any other
        // host the page asks for (there must be none: Streams is bundled).
        await real.route('**/*', (route) => {
            const url = new URL(route.request().url());
            if (url.origin === site.url || url.origin === api.url) return route.continue();
            if (url.origin === INSTANCE_URL) return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>ccp</title>' });
            outside.push(url.href);
            return route.abort();
        });
        try {
            await real.goto(`${site.url}/index.html`);
            const frame = real.locator('#ccp iframe');
            await frame.waitFor({ state: 'attached', ...WAIT });
            assert.equal(await frame.getAttribute('src'), `${INSTANCE_URL}/ccp-v2/`);
            assert.equal(await real.evaluate(() => typeof window.connect?.core?.initCCP), 'function');
            assert.deepEqual(outside, []);
        } finally {
            await real.close();
        }
    });

    it('picks up a contact already connected when the page (re)loads', async () => {
        api.setContact('contact-early', { [A.STATUS]: 'ENROLLED', [A.CHALLENGE_AUTH]: 'STANDARD', [A.CHALLENGE_RESULT]: 'PASSED' });
        const reloaded = await context.newPage();
        try {
            await reloaded.addInitScript({ content: standInScript() });
            // Connect already has the contact, connected, before the panel subscribes.
            await reloaded.addInitScript({ content: "window.standIn.connect('contact-early', { nomidio_status: 'ENROLLED' });" });
            await reloaded.goto(`${site.url}/index.html`);
            await reloaded.waitForSelector('#nomidio[data-screen="AUTHENTICATED"]', WAIT);
            assert.ok(api.requests.some((r) => r.path === '/contacts/contact-early/nomidio' && r.agentArn === AGENT_ARN));
        } finally {
            await reloaded.close();
        }
    });

    it('says so when config.json is missing or incomplete, and embeds nothing', async () => {
        for (const answer of [{ status: 404, body: '' }, { status: 200, body: JSON.stringify({ region: 'eu-west-2' }) }]) {
            const broken = await context.newPage();
            try {
                await broken.addInitScript({ content: standInScript() });
                await broken.route('**/config.json', (route) => route.fulfill({ ...answer, contentType: 'application/json' }));
                await broken.goto(`${site.url}/index.html`);
                await broken.waitForSelector('#nomidio[data-screen="CONFIG_ERROR"] [role=alert]', WAIT);
                assert.match(await broken.locator('#nomidio').innerText(), /config\.json is missing or incomplete/);
                assert.deepEqual(await broken.evaluate(() => window.standIn.record.initCCP), []);
            } finally {
                await broken.close();
            }
        }
    });

    it('embeds the instance CCP and shows no contact', async () => {
        const calls = await page.evaluate(() => window.standIn.record.initCCP);
        assert.equal(calls.length, 1);
        assert.equal(calls[0].options.ccpUrl, `${INSTANCE_URL}/ccp-v2/`);
        assert.equal(calls[0].options.region, 'eu-west-2');
        assert.equal(calls[0].containerId, 'ccp');
        assert.match(await page.locator('.screen-title').innerText(), /No contact/);
        assert.deepEqual(await visibleMenu(), ['CHALLENGE_HIGH:off', 'CHALLENGE_STANDARD:off', 'BLOCK:off', 'SET_FRAUD:off']);
        assert.equal(await page.getAttribute('#nomidio-status', 'aria-live'), 'polite');
        await shot('no-contact');
    });

    it('loads the contact, enrols after a passed HIGH challenge with a confirmation, and copies the Nomidio ID', async () => {
        api.holdReads();
        await arrive('contact-enrol', {});
        await screen('LOADING');
        await shot('loading');
        api.setContact('contact-enrol', {
            [A.STATUS]: 'AWAITING_APPROVAL', [A.CHALLENGE_AUTH]: 'HIGH', [A.CHALLENGE_RESULT]: 'PASSED',
            [A.VOICE_AUTH]: 'Authenticated', [A.FRAUD_FLAG]: '', [A.AUTHENTICATED_ENROLLED]: 'false',
        });
        api.release();
        await screen('AUTHENTICATED');
        const read = api.requests.find((r) => r.method === 'GET');
        assert.equal(read.path, '/contacts/contact-enrol/nomidio');
        assert.equal(read.agentArn, AGENT_ARN);
        assert.equal(read.origin, site.url);
        assert.deepEqual(await visibleMenu(), ['CHALLENGE_HIGH:off', 'CHALLENGE_STANDARD:off', 'BLOCK', 'SET_FRAUD', 'ENROL']);
        await shot('authenticated-ready-to-enrol');

        await screenButton('ENROL').click();
        const dialog = page.locator('dialog.confirm');
        await dialog.waitFor({ state: 'visible', ...WAIT });
        assert.equal(posts().length, 0, 'nothing is sent before the agent confirms');
        await page.screenshot({ path: join(shots, 'enrol-confirm.png') });
        await dialog.locator('[data-confirm=yes]').click();
        await page.waitForSelector('[data-notice=success]', WAIT);
        await screen('AUTHENTICATED');

        assert.deepEqual(posts().map((r) => [r.path, r.body, r.agentArn, r.contentType]),
            [['/contacts/contact-enrol/actions', { action: 'ENROL' }, AGENT_ARN, 'application/json']]);
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'nid-contact-enrol');
        assert.match(await page.locator('.screen-title').innerText(), /Authenticated and enrolled/);
        assert.equal(await page.inputValue('#nomidio-id'), 'nid-contact-enrol');
        assert.equal(await menuButton('ENROL').count(), 0, 'enrolled: no second enrol');
        await shot('enrolled');
    });

    it('cancelling the enrol confirmation sends nothing', async () => {
        await arrive('contact-cancel', { [A.STATUS]: 'AWAITING_APPROVAL', [A.CHALLENGE_AUTH]: 'HIGH', [A.CHALLENGE_RESULT]: 'PASSED' });
        await screen('AUTHENTICATED');
        await menuButton('ENROL').click();
        await page.locator('dialog.confirm [data-confirm=no]').click();
        await page.locator('dialog.confirm').waitFor({ state: 'hidden', ...WAIT });
        assert.equal(posts().length, 0);
    });

    it('requests an agent challenge from the keyboard, tells the agent to transfer, and shows the result when the caller comes back', async () => {
        await arrive('contact-call', {
            [A.STATUS]: 'ENROLLED', [A.CHALLENGE_AUTH]: 'STANDARD', [A.CHALLENGE_RESULT]: 'PASSED', [A.VOICE_AUTH]: 'Authenticated',
            [A.AUTHENTICATED_ENROLLED]: 'true',
        });
        await screen('AUTHENTICATED');
        assert.deepEqual(await visibleMenu(), ['CHALLENGE_HIGH', 'CHALLENGE_STANDARD:off', 'BLOCK', 'SET_FRAUD']);
        await shot('authenticated-enrolled');

        // Keyboard only: Tab reaches the first usable menu item, which shows a visible focus ring; Enter activates it.
        await page.locator('body').focus();
        let focused = null;
        for (let i = 0; i < 10 && focused !== 'CHALLENGE_HIGH'; i++) {
            await page.keyboard.press('Tab');
            focused = await page.evaluate(() => document.activeElement?.dataset?.action ?? null);
        }
        assert.equal(focused, 'CHALLENGE_HIGH');
        assert.equal(await page.evaluate(() => document.activeElement.matches(':focus-visible')), true);
        assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
        await page.keyboard.press('Enter');

        await screen('CHALLENGE_REQUESTED');
        assert.deepEqual(posts().map((r) => r.body), [{ action: 'CHALLENGE', level: 'HIGH' }]);
        const steps = await page.locator('.steps li').allInnerTexts();
        assert.equal(steps.length, 3);
        assert.match(steps[0], /Nomidio Agent Challenge Flow/);
        assert.match(steps[1], /Leave call/);
        assert.match(steps[2], /your own queue/);
        assert.deepEqual(await visibleMenu(), ['CHALLENGE_HIGH:off', 'CHALLENGE_STANDARD:off', 'BLOCK', 'SET_FRAUD']);
        await shot('challenge-requested');

        // The agent completes the transfer: the contact ends for them while the caller does the challenge.
        await page.evaluate(() => window.standIn.end('contact-call'));
        await screen('AWAITING_RESULT');
        await shot('challenge-awaiting-result');

        // The caller comes back to the agent's queue: a new contact (Connect gives a transfer a new contact id),
        // first with the challenge still running, then the flow writes the result.
        const back = { [A.STATUS]: 'ENROLLED', [A.CHALLENGE_AUTH]: 'HIGH', [A.CHALLENGE_RESULT]: 'PENDING', [A.AGENT_CHALLENGE]: '' };
        await arrive('contact-back', back);
        await screen('NOT_CHALLENGED');
        const result = { ...back, [A.CHALLENGE_RESULT]: 'FAILED', [A.VOICE_AUTH]: 'NotAuthenticated' };
        api.setContact('contact-back', result);
        await page.evaluate((attrs) => window.standIn.refresh('contact-back', attrs), result);
        await screen('CHALLENGE_FAILED');
        assert.deepEqual(await visibleMenu(), ['CHALLENGE_HIGH', 'CHALLENGE_STANDARD', 'BLOCK', 'SET_FRAUD']);
        await shot('challenge-failed');

        await menuButton('CHALLENGE_STANDARD').click();
        await screen('CHALLENGE_REQUESTED');
        assert.deepEqual(posts().at(-1).body, { action: 'CHALLENGE', level: 'STANDARD' });
        assert.match(await page.locator('.screen-title').innerText(), /Standard challenge requested/);
    });

    it('blocks and unblocks', async () => {
        await arrive('contact-block', { [A.STATUS]: 'ENROLLED', [A.CHALLENGE_RESULT]: '' });
        await screen('NOT_CHALLENGED');
        await shot('identified-not-challenged');
        await menuButton('BLOCK').click();
        await screen('BLOCKED');
        assert.deepEqual(await visibleMenu(), ['CHALLENGE_HIGH:off', 'CHALLENGE_STANDARD:off', 'UNBLOCK', 'SET_FRAUD']);
        await shot('blocked');
        await screenButton('UNBLOCK').click();
        await screen('NOT_CHALLENGED');
        assert.deepEqual(posts().map((r) => [r.path, r.body]), [
            ['/contacts/contact-block/actions', { action: 'BLOCK' }],
            ['/contacts/contact-block/actions', { action: 'UNBLOCK' }],
        ]);
        assert.ok(posts().every((r) => r.agentArn === AGENT_ARN));
    });

    it('shows a blocked caller arriving, and unblocks from the menu', async () => {
        await arrive('contact-blocked', { [A.STATUS]: 'BLOCKED' });
        await screen('BLOCKED');
        await menuButton('UNBLOCK').click();
        await screen('NOT_CHALLENGED');
        assert.deepEqual(posts().map((r) => r.body), [{ action: 'UNBLOCK' }]);
    });

    it('confirms a fraud warning into suspected fraud, clears it, and sets it again from the menu', async () => {
        await arrive('contact-fraud', { [A.STATUS]: 'ENROLLED', [A.FRAUD_FLAG]: 'FRAUD_WARNING', [A.CHALLENGE_AUTH]: 'STANDARD', [A.CHALLENGE_RESULT]: 'PASSED' });
        await screen('FRAUD_WARNING');
        assert.deepEqual(await page.locator('.screen-actions button').allInnerTexts(), ['Clear', 'Confirm']);
        await shot('fraud-warning');
        await screenButton('CONFIRM_FRAUD').click();
        await screen('SUSPECTED_FRAUD');
        assert.deepEqual(await page.locator('.screen-actions button').allInnerTexts(), ['Clear']);
        await shot('suspected-fraud');
        await screenButton('CLEAR_FRAUD').click();
        await screen('AUTHENTICATED');
        await menuButton('SET_FRAUD').click();
        await screen('SUSPECTED_FRAUD');
        await menuButton('CLEAR_FRAUD').click();
        await screen('AUTHENTICATED');
        assert.deepEqual(posts().map((r) => r.body.action), ['CONFIRM_FRAUD', 'CLEAR_FRAUD', 'SET_FRAUD', 'CLEAR_FRAUD']);
    });

    it('shows Nomidio unavailable and a caller who is not authenticated', async () => {
        await arrive('contact-down', { [A.STATUS]: 'NOMIDIO_UNAVAILABLE', [A.VOICE_AUTH]: 'Inconclusive' });
        await screen('NOMIDIO_UNAVAILABLE');
        assert.deepEqual(await visibleMenu(), ['CHALLENGE_HIGH:off', 'CHALLENGE_STANDARD:off', 'BLOCK:off', 'SET_FRAUD:off']);
        await shot('nomidio-unavailable');
        await page.evaluate(() => window.standIn.end('contact-down'));
        await screen('NO_CONTACT');
        await arrive('contact-new', { [A.STATUS]: 'NOT_FOUND', [A.VOICE_AUTH]: 'NotEnrolled' });
        await screen('NOT_AUTHENTICATED');
        await shot('not-authenticated');
    });

    it('says why an action failed, and keeps the screen', async () => {
        await arrive('contact-error', { [A.STATUS]: 'ENROLLED', [A.CHALLENGE_AUTH]: 'STANDARD', [A.CHALLENGE_RESULT]: 'PASSED' });
        await screen('AUTHENTICATED');
        api.failNext(503, { error: 'NOMIDIO_UNAVAILABLE' });
        await menuButton('BLOCK').click();
        await page.waitForSelector('[data-notice=error]', WAIT);
        await screen('AUTHENTICATED');
        assert.match(await page.locator('[role=alert]').innerText(), /Block failed\. Nomidio is unavailable/);
        await shot('action-failed');
        api.failNext(403, { error: 'FORBIDDEN' });
        await menuButton('SET_FRAUD').click();
        await page.waitForFunction(() => /Set fraud failed\. Not allowed/.test(document.querySelector('[role=alert]')?.innerText ?? ''), null, WAIT);
        api.failNext(409, { error: 'NOT_ALLOWED', message: 'no passed HIGH challenge on this contact' });
        await menuButton('CHALLENGE_HIGH').click();
        await page.waitForFunction(() => /no passed HIGH challenge/.test(document.querySelector('[role=alert]')?.innerText ?? ''), null, WAIT);
        assert.equal(api.attributesOf('contact-error')[A.STATUS], 'ENROLLED', 'a failed action changed nothing');
    });

    it('asks once more when the API refuses right at connect, and says so when it refuses again', async () => {
        api.failNext(403, { error: 'FORBIDDEN' });
        await arrive('contact-race', { [A.STATUS]: 'ENROLLED', [A.CHALLENGE_AUTH]: 'STANDARD', [A.CHALLENGE_RESULT]: 'PASSED' });
        const reads = () => api.requests.filter((r) => r.path === '/contacts/contact-race/nomidio').length;
        await waitUntil(() => reads() === 2);
        await page.waitForSelector('#nomidio[data-loading="false"]', WAIT);
        await screen('AUTHENTICATED');
        assert.equal(await page.locator('[data-notice=error]').count(), 0);

        api.failNext(403, { error: 'FORBIDDEN' });
        api.failNext(403, { error: 'FORBIDDEN' });
        await arrive('contact-gone', { [A.STATUS]: 'ENROLLED' });
        await page.waitForSelector('#nomidio[data-loading="false"] [data-notice=error]', WAIT);
        assert.match(await page.locator('[role=alert]').innerText(), /Not allowed: this contact is not connected to you/);
        assert.equal(api.requests.filter((r) => r.path === '/contacts/contact-gone/nomidio').length, 2);
    });

    it('follows a Streams snapshot that changes the attributes, and ignores one that repeats them', async () => {
        const first = { [A.STATUS]: 'ENROLLED', [A.CHALLENGE_RESULT]: '' };
        await arrive('contact-refresh', first);
        await screen('NOT_CHALLENGED');
        await menuButton('SET_FRAUD').click();
        await screen('SUSPECTED_FRAUD');
        // Connect's snapshot still shows the old attributes: the API's newer answer stands.
        await page.evaluate((attrs) => window.standIn.refresh('contact-refresh', attrs), first);
        await screen('SUSPECTED_FRAUD');
        const blocked = { [A.STATUS]: 'BLOCKED', [A.FRAUD_FLAG]: 'SUSPECTED_FRAUD' };
        await page.evaluate((attrs) => window.standIn.refresh('contact-refresh', attrs), blocked);
        await screen('BLOCKED');
    });
});
