// The panel's state logic for every status × fraud flag × challenge level × challenge result, and the moments
// around an action (loading, pending, confirming, failed, done) and an agent challenge.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
    AUTHENTICATED_STATUSES, AuthLevel, ChallengeStatus, ContactAttribute as A, FraudFlag, NomidioStatus, VoiceAuthOutcome,
} from '../../src/generated/vocabulary.js';
import { actionRequest, AGENT_CHALLENGE_REQUESTED, MENU, panelView, readAttributes, Screen } from '../../src/panel-state.js';
import { FRAUD_TEXT, LEVEL_TEXT, RESULT_TEXT, STATUS_TEXT, VOICE_AUTH_TEXT } from '../../src/texts.js';

const STATUSES = Object.values(NomidioStatus);
const FLAGS = [null, ...Object.values(FraudFlag)];
const LEVELS = [null, ...Object.values(AuthLevel)];
const RESULTS = [null, ...Object.values(ChallengeStatus)];
// Statuses that identify nobody Nomidio could act on.
const NOBODY = ['NOMIDIO_UNAVAILABLE', 'WITHHELD_NUMBER', 'IDENTIFICATION_FAILED', 'ERROR'];

function contact(status, flag, level, result, extra = {}) {
    return {
        contactId: 'c-1',
        attributes: {
            [A.STATUS]: status ?? '',
            [A.FRAUD_FLAG]: flag ?? '',
            [A.CHALLENGE_AUTH]: level ?? '',
            [A.CHALLENGE_RESULT]: result ?? '',
            ...extra,
        },
    };
}

const item = (view, id) => view.menu.find((m) => m.id === id);
const enabledMenu = (view) => view.menu.filter((m) => m.enabled).map((m) => m.id);
const visibleMenu = (view) => view.menu.filter((m) => m.visible).map((m) => m.id);

/** The guide's screens, in the order they win. */
function expectedScreen(status, flag, result) {
    if (status === 'BLOCKED') return Screen.BLOCKED;
    if (flag === 'FRAUD_WARNING') return Screen.FRAUD_WARNING;
    if (flag === 'SUSPECTED_FRAUD') return Screen.SUSPECTED_FRAUD;
    if (status === 'NOMIDIO_UNAVAILABLE') return Screen.UNAVAILABLE;
    if (!['AWAITING_APPROVAL', 'ENROLLED', 'TAC_WARN'].includes(status)) return Screen.NOT_AUTHENTICATED;
    if (result === 'PASSED') return Screen.AUTHENTICATED;
    if (result === 'FAILED' || result === 'TIMEOUT') return Screen.CHALLENGE_FAILED;
    return Screen.NOT_CHALLENGED;
}

describe('panelView for every status × fraud flag × challenge level × result', () => {
    const combinations = STATUSES.flatMap((s) => FLAGS.flatMap((f) => LEVELS.flatMap((l) => RESULTS.map((r) => [s, f, l, r]))));

    it('covers all the guide\'s values (16 statuses × 3 flags × 3 levels × 5 results)', () => {
        assert.equal(combinations.length, 16 * 3 * 3 * 5);
    });

    for (const status of STATUSES) {
        it(`${status} × every fraud flag × challenge level × result`, () => {
            for (const [flag, level, result] of FLAGS.flatMap((f) => LEVELS.flatMap((l) => RESULTS.map((r) => [f, l, r])))) {
                const at = `${status} / ${flag ?? 'no flag'} / ${level ?? 'no level'} / ${result ?? 'no result'}`;
                const view = panelView({ contact: contact(status, flag, level, result) });
                assert.equal(view.screen, expectedScreen(status, flag, result), at);

                // Block / Unblock and Set / Clear fraud: exactly one of each pair is shown.
                assert.equal(item(view, 'BLOCK').visible, status !== 'BLOCKED', at);
                assert.equal(item(view, 'UNBLOCK').visible, status === 'BLOCKED', at);
                assert.equal(item(view, 'UNBLOCK').enabled, status === 'BLOCKED', at);
                assert.equal(item(view, 'SET_FRAUD').visible, flag === null, at);
                assert.equal(item(view, 'CLEAR_FRAUD').visible, flag !== null, at);
                assert.equal(item(view, 'CLEAR_FRAUD').enabled, flag !== null, at);
                const someone = !NOBODY.includes(status);
                assert.equal(item(view, 'BLOCK').enabled, status !== 'BLOCKED' && someone, at);
                assert.equal(item(view, 'SET_FRAUD').enabled, flag === null && someone, at);

                // Challenges: only for the authenticated statuses; after a passed standard only high; after a passed
                // high none; none while one runs.
                const challengeable = AUTHENTICATED_STATUSES.includes(status) && result !== 'PENDING';
                assert.equal(item(view, 'CHALLENGE_HIGH').enabled, challengeable && !(result === 'PASSED' && level === 'HIGH'), at);
                assert.equal(item(view, 'CHALLENGE_STANDARD').enabled, challengeable && result !== 'PASSED', at);
                assert.equal(item(view, 'CHALLENGE_HIGH').visible, true, at);
                assert.equal(item(view, 'CHALLENGE_STANDARD').visible, true, at);

                // Enrol: only AWAITING_APPROVAL with a passed HIGH challenge; not while a fraud flag stands.
                const enrollable = status === 'AWAITING_APPROVAL' && level === 'HIGH' && result === 'PASSED';
                assert.equal(item(view, 'ENROL').visible, enrollable, at);
                assert.equal(item(view, 'ENROL').enabled, enrollable && flag === null, at);

                // A hidden item is never enabled; the menu keeps its order.
                assert.deepEqual(view.menu.map((m) => m.id), [...MENU], at);
                for (const m of view.menu) if (!m.visible) assert.equal(m.enabled, false, `${at}: ${m.id}`);

                // The screen's own buttons, as the guide draws them.
                const screenActions = view.screenActions.map((b) => `${b.id}:${b.label}`);
                const expectedActions = {
                    [Screen.BLOCKED]: ['UNBLOCK:Unblock'],
                    [Screen.FRAUD_WARNING]: ['CLEAR_FRAUD:Clear', 'CONFIRM_FRAUD:Confirm'],
                    [Screen.SUSPECTED_FRAUD]: ['CLEAR_FRAUD:Clear'],
                    [Screen.AUTHENTICATED]: enrollable ? ['ENROL:Enrol'] : [],
                }[view.screen] ?? [];
                assert.deepEqual(screenActions, expectedActions, at);

                // The texts: every field filled from the vocabulary, nothing undefined.
                const fields = Object.fromEntries(view.fields.map((f) => [f.label, f.value]));
                assert.equal(fields.Status, status, at);
                assert.equal(fields['Fraud flag'], flag ?? 'None', at);
                assert.equal(fields['Challenge level'], level ? LEVEL_TEXT[level] : '—', at);
                assert.equal(fields['Challenge result'], result ? RESULT_TEXT[result] : '—', at);
                assert.doesNotMatch(JSON.stringify(view), /undefined|null"|"null/, at);
                assert.ok(view.title && view.summary, at);
            }
        });
    }
});

describe('panelView around the contact', () => {
    it('no contact: nothing enabled, the menu still shown', () => {
        const view = panelView({ contact: null });
        assert.equal(view.screen, Screen.NO_CONTACT);
        assert.deepEqual(enabledMenu(view), []);
        assert.deepEqual(visibleMenu(view), ['CHALLENGE_HIGH', 'CHALLENGE_STANDARD', 'BLOCK', 'SET_FRAUD']);
        assert.deepEqual(view.fields, []);
    });

    it('loading: no attributes yet and the API read in flight', () => {
        const view = panelView({ contact: { contactId: 'c', attributes: {} }, loading: true });
        assert.equal(view.screen, Screen.LOADING);
        assert.deepEqual(enabledMenu(view), []);
    });

    it('attributes from Streams are shown while the API read is still in flight', () => {
        const view = panelView({ contact: contact('ENROLLED', null, 'STANDARD', 'PASSED'), loading: true });
        assert.equal(view.screen, Screen.AUTHENTICATED);
    });

    it('a contact that never went through Nomidio', () => {
        const view = panelView({ contact: { contactId: 'c', attributes: { other: 'x' } } });
        assert.equal(view.screen, Screen.NO_NOMIDIO);
        assert.deepEqual(enabledMenu(view), []);
    });

    it('an action in flight disables everything and says what is happening', () => {
        const view = panelView({ contact: contact('ENROLLED', null, 'STANDARD', 'PASSED'), pending: 'BLOCK' });
        assert.equal(view.busy, 'Blocking…');
        assert.deepEqual(enabledMenu(view), []);
        assert.equal(view.screen, Screen.AUTHENTICATED);
    });

    it('enrol asks for confirmation, and nothing else can be done meanwhile', () => {
        const view = panelView({ contact: contact('AWAITING_APPROVAL', null, 'HIGH', 'PASSED'), confirming: 'ENROL' });
        assert.equal(view.confirm.action, 'ENROL');
        assert.deepEqual(enabledMenu(view), []);
    });

    it('a failed action keeps the screen and says why, with the API\'s message', () => {
        const view = panelView({
            contact: contact('ENROLLED', null, 'STANDARD', 'PASSED'),
            error: { action: 'CHALLENGE_HIGH', code: 'NOT_ALLOWED', message: 'no passed HIGH challenge' },
        });
        assert.equal(view.screen, Screen.AUTHENTICATED);
        assert.equal(view.notice.kind, 'error');
        assert.equal(view.notice.text, 'High challenge failed. Not possible for this caller now. (no passed HIGH challenge)');
        assert.ok(enabledMenu(view).includes('CHALLENGE_HIGH'), 'the agent may try again');
    });

    for (const code of ['BAD_REQUEST', 'FORBIDDEN', 'NOT_ALLOWED', 'PAYLOAD_TOO_LARGE', 'NOMIDIO_UNAVAILABLE', 'ERROR', 'NETWORK', 'NOT_READY', 'SOMETHING_NEW']) {
        it(`an error ${code} has a sentence for the agent`, () => {
            const view = panelView({ contact: contact('ENROLLED'), error: { action: 'BLOCK', code } });
            assert.match(view.notice.text, /^Block failed\. \S/);
            assert.doesNotMatch(view.notice.text, /undefined/);
        });
    }

    it('after enrol the Nomidio ID is given, copied or to copy', () => {
        const copied = panelView({ contact: contact('ENROLLED', null, 'HIGH', 'PASSED'), done: { action: 'ENROL', nomidioId: 'n-1', copied: true } });
        assert.match(copied.notice.text, /copied to the clipboard/);
        assert.equal(copied.notice.nomidioId, 'n-1');
        const refused = panelView({ contact: contact('ENROLLED', null, 'HIGH', 'PASSED'), done: { action: 'ENROL', nomidioId: 'n-1', copied: false } });
        assert.match(refused.notice.text, /Copy their Nomidio ID below/);
    });

    it('a stale "enrolled" beside a failed challenge claims nothing', () => {
        const read = readAttributes(contact('ENROLLED', null, 'HIGH', 'FAILED', { [A.AUTHENTICATED_ENROLLED]: 'true' }).attributes);
        assert.equal(read.authenticatedEnrolled, false);
        const view = panelView({ contact: contact('ENROLLED', null, 'HIGH', 'FAILED', { [A.AUTHENTICATED_ENROLLED]: 'true' }) });
        assert.equal(view.fields.find((f) => f.label === 'Enrolled and authenticated').value, 'No');
    });

    it('values outside the vocabulary count as absent', () => {
        const view = panelView({ contact: contact('enrolled', 'MAYBE', 'ULTRA', 'PASSED') });
        assert.equal(view.screen, Screen.NO_NOMIDIO);
        assert.deepEqual(enabledMenu(view), []);
    });
});

describe('agent challenge', () => {
    it('requested (the contact says so): the agent is told how to transfer, challenges are off', () => {
        const view = panelView({
            contact: contact('ENROLLED', null, 'STANDARD', 'PASSED', { [A.AGENT_CHALLENGE]: AGENT_CHALLENGE_REQUESTED, [A.AUTH_LEVEL]: 'HIGH' }),
        });
        assert.equal(view.screen, Screen.CHALLENGE_REQUESTED);
        assert.equal(view.title, 'High challenge requested');
        assert.equal(view.steps.length, 3);
        assert.match(view.steps[0], /"Nomidio Agent Challenge Flow"/);
        assert.match(view.steps[1], /Leave call/);
        assert.match(view.steps[2], /your own queue/);
        assert.equal(item(view, 'CHALLENGE_HIGH').enabled, false);
        assert.equal(item(view, 'CHALLENGE_STANDARD').enabled, false);
        assert.equal(item(view, 'BLOCK').enabled, true, 'the agent may still block');
    });

    it('requested (the API just answered): shown even before the contact\'s attributes say so', () => {
        const view = panelView({ contact: contact('ENROLLED', null, 'STANDARD', 'FAILED'), requestedChallenge: 'STANDARD' });
        assert.equal(view.screen, Screen.CHALLENGE_REQUESTED);
        assert.equal(view.title, 'Standard challenge requested');
        assert.match(view.steps[1], /standard challenge/);
    });

    it('a blocked caller is shown blocked even with a challenge requested', () => {
        const view = panelView({ contact: contact('BLOCKED', null, null, null, { [A.AGENT_CHALLENGE]: AGENT_CHALLENGE_REQUESTED }) });
        assert.equal(view.screen, Screen.BLOCKED);
    });

    it('after the agent left the call: waiting for the caller to come back', () => {
        const view = panelView({ contact: null, awaitingResult: { level: 'HIGH' } });
        assert.equal(view.screen, Screen.AWAITING_RESULT);
        assert.match(view.summary, /high challenge.*come back to your queue/);
        assert.deepEqual(enabledMenu(view), []);
    });

    it('the menu items map to the API\'s actions', () => {
        assert.deepEqual(actionRequest('CHALLENGE_HIGH'), { action: 'CHALLENGE', level: 'HIGH' });
        assert.deepEqual(actionRequest('CHALLENGE_STANDARD'), { action: 'CHALLENGE', level: 'STANDARD' });
        for (const id of ['BLOCK', 'UNBLOCK', 'SET_FRAUD', 'CLEAR_FRAUD', 'CONFIRM_FRAUD', 'ENROL']) {
            assert.deepEqual(actionRequest(id), { action: id });
        }
        assert.throws(() => actionRequest('DELETE'), /unknown action/);
    });
});

describe('texts', () => {
    it('every value of the vocabulary has its text', () => {
        for (const s of Object.values(NomidioStatus)) assert.ok(STATUS_TEXT[s], s);
        for (const f of Object.values(FraudFlag)) assert.ok(FRAUD_TEXT[f], f);
        for (const l of Object.values(AuthLevel)) assert.ok(LEVEL_TEXT[l], l);
        for (const r of Object.values(ChallengeStatus)) assert.ok(RESULT_TEXT[r], r);
        for (const v of Object.values(VoiceAuthOutcome)) assert.ok(VOICE_AUTH_TEXT[v], v);
        assert.equal(Object.keys(STATUS_TEXT).length, Object.values(NomidioStatus).length);
    });
});
