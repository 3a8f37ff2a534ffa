// The Nomidio panel's state logic, with no DOM: what the agent sees (screen, texts) and may do (menu items) for
// the connected contact's attributes, the action in flight and the last answer. The view (view.js) only draws
// what this returns; the unit tests cover every status × fraud flag × challenge result here.
import {
    AgentChallengeRequest,
    AUTHENTICATED_STATUSES,
    AuthLevel,
    ChallengeStatus,
    ContactAttribute,
    FraudFlag,
    NomidioStatus,
    VoiceAuthOutcome,
} from './generated/vocabulary.js';
import {
    ACTION_TEXT, ERROR_TEXT, FRAUD_TEXT, LEVEL_TEXT, RESULT_TEXT, STATUS_TEXT, VOICE_AUTH_TEXT,
} from './texts.js';

/** The value the agent API writes to nomidio_agent_challenge while the contact is on its way to the challenge. */
export const AGENT_CHALLENGE_REQUESTED = AgentChallengeRequest.REQUESTED;

export const Screen = Object.freeze({
    NO_CONTACT: 'NO_CONTACT',
    AWAITING_RESULT: 'AWAITING_RESULT',
    LOADING: 'LOADING',
    BLOCKED: 'BLOCKED',
    CHALLENGE_REQUESTED: 'CHALLENGE_REQUESTED',
    FRAUD_WARNING: 'FRAUD_WARNING',
    SUSPECTED_FRAUD: 'SUSPECTED_FRAUD',
    UNAVAILABLE: 'NOMIDIO_UNAVAILABLE',
    AUTHENTICATED: 'AUTHENTICATED',
    CHALLENGE_FAILED: 'CHALLENGE_FAILED',
    NOT_CHALLENGED: 'NOT_CHALLENGED',
    NOT_AUTHENTICATED: 'NOT_AUTHENTICATED',
    NO_NOMIDIO: 'NO_NOMIDIO',
});

/** The top menu, in its order. */
export const MENU = Object.freeze(['CHALLENGE_HIGH', 'CHALLENGE_STANDARD', 'BLOCK', 'UNBLOCK', 'SET_FRAUD', 'CLEAR_FRAUD', 'ENROL']);

/** The agent API request body of a menu or screen action. */
export function actionRequest(id) {
    switch (id) {
        case 'CHALLENGE_HIGH': return { action: 'CHALLENGE', level: AuthLevel.HIGH };
        case 'CHALLENGE_STANDARD': return { action: 'CHALLENGE', level: AuthLevel.STANDARD };
        case 'BLOCK': case 'UNBLOCK': case 'SET_FRAUD': case 'CLEAR_FRAUD': case 'CONFIRM_FRAUD': case 'ENROL':
            return { action: id };
        default: throw new Error(`unknown action ${id}`);
    }
}

/** Statuses for which there is no caller to act on: nothing identified them, or Nomidio could not be asked. */
const NOTHING_TO_ACT_ON = new Set([
    NomidioStatus.NOMIDIO_UNAVAILABLE, NomidioStatus.WITHHELD_NUMBER, NomidioStatus.IDENTIFICATION_FAILED,
    NomidioStatus.ERROR,
]);

function oneOf(values, value) {
    const text = typeof value === 'string' ? value.trim() : '';
    return Object.values(values).includes(text) ? text : null;
}

/**
 * Reads the Nomidio attributes of a contact (a flat name → value map). An unknown or empty value counts as
 * absent: the panel never shows more than the contact proved.
 */
export function readAttributes(attributes = {}) {
    const a = attributes ?? {};
    const result = oneOf(ChallengeStatus, a[ContactAttribute.CHALLENGE_RESULT]);
    return {
        status: oneOf(NomidioStatus, a[ContactAttribute.STATUS]),
        fraudFlag: oneOf(FraudFlag, a[ContactAttribute.FRAUD_FLAG]),
        challengeLevel: oneOf(AuthLevel, a[ContactAttribute.CHALLENGE_AUTH]),
        challengeResult: result,
        // Only a passed challenge makes the enrolled claim: a stale "true" beside a failed one claims nothing.
        authenticatedEnrolled: a[ContactAttribute.AUTHENTICATED_ENROLLED] === 'true' && result === ChallengeStatus.PASSED,
        voiceAuth: oneOf(VoiceAuthOutcome, a[ContactAttribute.VOICE_AUTH]),
        agentChallenge: (a[ContactAttribute.AGENT_CHALLENGE] ?? '').trim() === AGENT_CHALLENGE_REQUESTED,
        requestedLevel: oneOf(AuthLevel, a[ContactAttribute.AUTH_LEVEL]),
        nomidioId: (a[ContactAttribute.NOMIDIO_ID] ?? '').trim() || null,
    };
}

/** True when the attributes hold anything from Nomidio (a contact that never went through our flows holds none). */
export function hasNomidioAttributes(attributes) {
    return readAttributes(attributes).status !== null;
}

function screenOf(input, a) {
    if (!input.contact) return input.awaitingResult ? Screen.AWAITING_RESULT : Screen.NO_CONTACT;
    if (a.status === null && input.loading) return Screen.LOADING;
    if (a.status === NomidioStatus.BLOCKED) return Screen.BLOCKED;
    if (a.agentChallenge || input.requestedChallenge) return Screen.CHALLENGE_REQUESTED;
    if (a.fraudFlag === FraudFlag.FRAUD_WARNING) return Screen.FRAUD_WARNING;
    if (a.fraudFlag === FraudFlag.SUSPECTED_FRAUD) return Screen.SUSPECTED_FRAUD;
    if (a.status === null) return Screen.NO_NOMIDIO;
    if (a.status === NomidioStatus.NOMIDIO_UNAVAILABLE) return Screen.UNAVAILABLE;
    if (!AUTHENTICATED_STATUSES.includes(a.status)) return Screen.NOT_AUTHENTICATED;
    if (a.challengeResult === ChallengeStatus.PASSED) return Screen.AUTHENTICATED;
    if (a.challengeResult === ChallengeStatus.FAILED || a.challengeResult === ChallengeStatus.TIMEOUT) {
        return Screen.CHALLENGE_FAILED;
    }
    return Screen.NOT_CHALLENGED;
}

function canEnrol(a) {
    return a.status === NomidioStatus.AWAITING_APPROVAL && a.challengeLevel === AuthLevel.HIGH
        && a.challengeResult === ChallengeStatus.PASSED;
}

function menuOf(input, a, screen) {
    const idle = Boolean(input.contact) && screen !== Screen.LOADING && !input.pending && !input.confirming;
    const known = idle && a.status !== null;
    const actionable = known && !NOTHING_TO_ACT_ON.has(a.status);
    const challengeable = actionable && AUTHENTICATED_STATUSES.includes(a.status) && screen !== Screen.CHALLENGE_REQUESTED
        && a.challengeResult !== ChallengeStatus.PENDING;
    const passed = a.challengeResult === ChallengeStatus.PASSED;
    const rules = {
        // The guide: after a passed standard challenge the agent may ask for a high one; after a failed one,
        // for either. A passed high challenge proves all there is to prove.
        CHALLENGE_HIGH: { visible: true, enabled: challengeable && !(passed && a.challengeLevel === AuthLevel.HIGH) },
        CHALLENGE_STANDARD: { visible: true, enabled: challengeable && !passed },
        // "Agents can block a calling user with any Nomidio status": any status that identifies someone.
        BLOCK: { visible: a.status !== NomidioStatus.BLOCKED, enabled: actionable },
        UNBLOCK: { visible: a.status === NomidioStatus.BLOCKED, enabled: known },
        SET_FRAUD: { visible: a.fraudFlag === null, enabled: actionable },
        CLEAR_FRAUD: { visible: a.fraudFlag !== null, enabled: known },
        // Enrol as the guide says; not while a fraud flag stands (the agent clears or confirms it first).
        ENROL: { visible: canEnrol(a), enabled: idle && a.fraudFlag === null && screen !== Screen.CHALLENGE_REQUESTED },
    };
    return MENU.map((id) => ({
        id, label: ACTION_TEXT[id].label, visible: rules[id].visible, enabled: rules[id].visible && rules[id].enabled,
    }));
}

function screenActionsOf(screen, a, menu) {
    const enabled = (id) => menu.find((item) => item.id === id)?.enabled ?? false;
    switch (screen) {
        case Screen.BLOCKED: return [{ id: 'UNBLOCK', label: 'Unblock', enabled: enabled('UNBLOCK') }];
        case Screen.FRAUD_WARNING: return [
            { id: 'CLEAR_FRAUD', label: 'Clear', enabled: enabled('CLEAR_FRAUD') },
            // Confirming turns Nomidio's warning into this enterprise's SUSPECTED_FRAUD.
            { id: 'CONFIRM_FRAUD', label: 'Confirm', enabled: enabled('CLEAR_FRAUD') },
        ];
        case Screen.SUSPECTED_FRAUD: return [{ id: 'CLEAR_FRAUD', label: 'Clear', enabled: enabled('CLEAR_FRAUD') }];
        case Screen.AUTHENTICATED: return canEnrol(a) ? [{ id: 'ENROL', label: 'Enrol', enabled: enabled('ENROL') }] : [];
        default: return [];
    }
}

const QUICK_CONNECT = 'Nomidio Agent Challenge Flow';

/** What the agent does for an agent challenge: Connect plays a queue transfer to the agent until they leave. */
export function transferSteps(level) {
    return [
        `In the Amazon Connect phone, choose Quick connects and pick "${QUICK_CONNECT}", then Call: the caller is on hold.`,
        'Choose Leave call (end your part of the call) to complete the transfer. The caller hears the '
            + `${level === AuthLevel.HIGH ? 'high' : 'standard'} challenge only once you have left.`,
        'When the caller finishes, they come back to your own queue: accept the contact and this panel shows the result.',
    ];
}

function headline(screen, a, input) {
    const level = input.requestedChallenge ?? a.requestedLevel;
    switch (screen) {
        case Screen.NO_CONTACT: return { title: 'No contact', summary: 'Nomidio results appear here when a contact connects.', tone: 'neutral' };
        case Screen.AWAITING_RESULT: return {
            title: 'Challenge in progress',
            summary: `The caller is doing the ${input.awaitingResult.level === AuthLevel.HIGH ? 'high' : 'standard'} challenge. `
                + 'They come back to your queue with the result.',
            tone: 'info',
        };
        case Screen.LOADING: return { title: 'Loading…', summary: 'Reading the contact\'s Nomidio results.', tone: 'neutral' };
        case Screen.BLOCKED: return { title: 'Blocked', summary: 'This caller is blocked: they reached you without Nomidio authentication.', tone: 'danger' };
        case Screen.CHALLENGE_REQUESTED: return {
            title: `${level === AuthLevel.HIGH ? 'High' : 'Standard'} challenge requested`,
            summary: 'Transfer the caller to the challenge now:',
            tone: 'info',
        };
        case Screen.FRAUD_WARNING: return { title: 'Fraud warning', summary: `${FRAUD_TEXT.FRAUD_WARNING} Clear it, or Confirm to mark the caller as suspected fraud.`, tone: 'danger' };
        case Screen.SUSPECTED_FRAUD: return { title: 'Suspected fraud', summary: FRAUD_TEXT.SUSPECTED_FRAUD, tone: 'danger' };
        case Screen.NO_NOMIDIO: return { title: 'No Nomidio result', summary: 'This contact has no Nomidio attributes: it did not go through Nomidio authentication.', tone: 'neutral' };
        case Screen.UNAVAILABLE: return { title: 'Nomidio unavailable', summary: STATUS_TEXT.NOMIDIO_UNAVAILABLE + ' Treat the caller as not authenticated.', tone: 'warn' };
        case Screen.AUTHENTICATED: {
            const enrolled = a.authenticatedEnrolled || a.status === NomidioStatus.ENROLLED || a.status === NomidioStatus.TAC_WARN;
            if (canEnrol(a)) {
                return { title: 'Authenticated: ready to enrol', summary: 'The caller passed a high challenge and awaits approval. Enrol them to approve their Nomidio ID.', tone: 'ok' };
            }
            return {
                title: enrolled ? 'Authenticated and enrolled' : 'Authenticated',
                summary: `The caller passed a ${a.challengeLevel === AuthLevel.HIGH ? 'high' : 'standard'} challenge.`,
                tone: 'ok',
            };
        }
        case Screen.CHALLENGE_FAILED: return {
            title: a.challengeResult === ChallengeStatus.TIMEOUT ? 'Challenge timed out' : 'Challenge failed',
            summary: 'The caller is not authenticated. You may request another challenge.',
            tone: 'warn',
        };
        case Screen.NOT_CHALLENGED: return {
            title: a.challengeResult === ChallengeStatus.PENDING ? 'Challenge in progress' : 'Identified, not challenged',
            summary: `${STATUS_TEXT[a.status]} No challenge has been passed on this contact.`,
            tone: 'neutral',
        };
        case Screen.NOT_AUTHENTICATED: return { title: 'Not authenticated', summary: STATUS_TEXT[a.status], tone: 'warn' };
        default: throw new Error(`no headline for ${screen}`);
    }
}

function fieldsOf(a) {
    const dash = '—';
    return [
        { label: 'Status', value: a.status ?? dash },
        { label: 'Fraud flag', value: a.fraudFlag ?? 'None' },
        { label: 'Challenge level', value: a.challengeLevel ? LEVEL_TEXT[a.challengeLevel] : dash },
        { label: 'Challenge result', value: a.challengeResult ? RESULT_TEXT[a.challengeResult] : dash },
        { label: 'Voice authentication', value: a.voiceAuth ? VOICE_AUTH_TEXT[a.voiceAuth] : dash },
        { label: 'Enrolled and authenticated', value: a.authenticatedEnrolled ? 'Yes' : 'No' },
    ];
}

function noticeOf(input) {
    if (input.error) {
        const what = input.error.action ? `${ACTION_TEXT[input.error.action]?.label ?? input.error.action} failed. ` : '';
        const why = ERROR_TEXT[input.error.code] ?? ERROR_TEXT.ERROR;
        const detail = input.error.message ? ` (${input.error.message})` : '';
        return { kind: 'error', text: `${what}${why}${detail}` };
    }
    if (input.done) {
        if (input.done.action === 'ENROL') {
            if (input.done.copied) {
                return { kind: 'success', text: 'Caller enrolled. Their Nomidio ID is copied to the clipboard: paste it into their CRM record.', nomidioId: input.done.nomidioId };
            }
            return { kind: 'success', text: 'Caller enrolled. Copy their Nomidio ID below into their CRM record.', nomidioId: input.done.nomidioId };
        }
        // A requested challenge is said by the screen itself (its steps), not twice.
        if (input.done.action.startsWith('CHALLENGE_')) return null;
        return { kind: 'success', text: ACTION_TEXT[input.done.action]?.done ?? 'Done.' };
    }
    return null;
}

/**
 * The panel for one moment.
 * @param input {{contact: ?{contactId: string, attributes: Object<string,string>}, loading?: boolean,
 *   pending?: ?string, confirming?: ?string, error?: ?{action: ?string, code: string, message?: string},
 *   done?: ?{action: string, nomidioId?: string, copied?: boolean}, requestedChallenge?: ?string,
 *   awaitingResult?: ?{level: string}}}
 */
export function panelView(input) {
    const a = readAttributes(input.contact?.attributes);
    const screen = screenOf(input, a);
    const menu = menuOf(input, a, screen);
    const level = input.requestedChallenge ?? a.requestedLevel;
    return {
        screen,
        loading: Boolean(input.contact && input.loading),
        ...headline(screen, a, input),
        contactId: input.contact?.contactId ?? null,
        fields: input.contact && screen !== Screen.LOADING ? fieldsOf(a) : [],
        menu,
        screenActions: screenActionsOf(screen, a, menu),
        steps: screen === Screen.CHALLENGE_REQUESTED ? transferSteps(level) : [],
        busy: input.pending ? ACTION_TEXT[input.pending].busy : null,
        confirm: input.confirming === 'ENROL'
            ? { action: 'ENROL', text: 'Enrol this caller? Their Nomidio ID is approved for this enterprise and copied to your clipboard.' }
            : null,
        notice: noticeOf(input),
    };
}
