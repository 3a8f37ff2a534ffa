// Wires Streams (or the test's stand-in for it), the agent API and the view: holds the moment's state, and asks
// panelView() what to show after every change.
import { ContactAttribute } from './generated/vocabulary.js';
import { actionRequest, panelView, Screen } from './panel-state.js';
import { AgentApiError } from './agent-api.js';

const NOMIDIO_KEYS = Object.values(ContactAttribute);

/** Streams' attribute dictionary ({name: {name, value}}) → our keys only, as a flat string map. */
export function nomidioAttributes(dictionary) {
    const out = {};
    for (const key of NOMIDIO_KEYS) {
        const value = dictionary?.[key]?.value;
        if (typeof value === 'string') out[key] = value;
    }
    return out;
}

function onlyNomidio(map) {
    const out = {};
    for (const key of NOMIDIO_KEYS) if (typeof map?.[key] === 'string') out[key] = map[key];
    return out;
}

export function startController({ streams, makeApi, render, clipboard, retryDelayMs = 2000 }) {
    const state = {
        contact: null,
        loading: false,
        pending: null,
        confirming: null,
        error: null,
        done: null,
        requestedChallenge: null,
        awaitingResult: null,
    };
    // Streams snapshots lag behind the API's answers: a snapshot replaces what the panel shows only when it
    // differs from the previous snapshot (the contact really changed), never merely because it arrived again.
    let lastSnapshot = null;
    let agentArn = null;
    const api = makeApi(() => agentArn);

    const view = () => panelView({
        contact: state.contact,
        loading: state.loading,
        pending: state.pending,
        confirming: state.confirming,
        error: state.error,
        done: state.done,
        requestedChallenge: state.requestedChallenge?.contactId === state.contact?.contactId
            ? state.requestedChallenge?.level : null,
        awaitingResult: state.awaitingResult,
    });
    const update = () => render(view());

    function errorOf(action, error) {
        if (error instanceof AgentApiError) return { action, code: error.code, message: error.message === error.code ? '' : error.message };
        return { action, code: 'ERROR', message: '' };
    }

    async function select(contact) {
        const contactId = contact.getContactId();
        if (state.contact?.contactId === contactId) return;
        const attributes = nomidioAttributes(contact.getAttributes());
        lastSnapshot = JSON.stringify(attributes);
        Object.assign(state, {
            contact: { contactId, attributes }, loading: true, pending: null, confirming: null, error: null,
            done: null, awaitingResult: null,
        });
        update();
        for (let attempt = 1; ; attempt++) {
            try {
                const latest = await api.attributes(contactId);
                if (state.contact?.contactId !== contactId) return;
                state.contact = { contactId, attributes: onlyNomidio(latest) };
                state.error = null;
                break;
            } catch (error) {
                if (state.contact?.contactId !== contactId) return;
                // The CCP says "connected" a moment before Connect's DescribeContact (what the API checks) may:
                // a refusal or a lost request right at connect is asked once more before the agent is told.
                const transient = error instanceof AgentApiError && ['FORBIDDEN', 'NETWORK', 'NOT_READY'].includes(error.code);
                if (attempt === 1 && transient) {
                    await new Promise((resolve) => { setTimeout(resolve, retryDelayMs); });
                    if (state.contact?.contactId !== contactId) return;
                    continue;
                }
                state.error = errorOf(null, error);
                break;
            }
        }
        state.loading = false;
        update();
    }

    function refresh(contact) {
        if (state.contact?.contactId !== contact.getContactId()) return;
        const attributes = nomidioAttributes(contact.getAttributes());
        const snapshot = JSON.stringify(attributes);
        if (snapshot === lastSnapshot) return;
        lastSnapshot = snapshot;
        state.contact = { ...state.contact, attributes };
        update();
    }

    function end(contact) {
        if (state.contact?.contactId !== contact.getContactId()) return;
        const current = view();
        // Leaving the call is how the agent completes the challenge transfer: say what happens next.
        const awaiting = current.screen === Screen.CHALLENGE_REQUESTED
            ? { level: state.requestedChallenge?.level ?? contactLevel(state.contact) } : null;
        Object.assign(state, {
            contact: null, loading: false, pending: null, confirming: null, error: null, done: null,
            requestedChallenge: null, awaitingResult: awaiting,
        });
        lastSnapshot = null;
        update();
    }

    function contactLevel(contact) {
        return contact?.attributes?.[ContactAttribute.AUTH_LEVEL] ?? null;
    }

    async function run(actionId) {
        const contactId = state.contact?.contactId;
        if (!contactId) return;
        const request = actionRequest(actionId);
        Object.assign(state, { pending: actionId, confirming: null, error: null, done: null });
        update();
        try {
            const answer = await api.act(contactId, request);
            if (state.contact?.contactId !== contactId) return;
            if (answer.attributes) state.contact = { contactId, attributes: onlyNomidio(answer.attributes) };
            if (request.action === 'CHALLENGE') state.requestedChallenge = { contactId, level: request.level };
            const done = { action: actionId };
            if (actionId === 'ENROL' && typeof answer.nomidioId === 'string' && answer.nomidioId) {
                done.nomidioId = answer.nomidioId;
                done.copied = await clipboard(answer.nomidioId);
            }
            state.done = done;
        } catch (error) {
            if (state.contact?.contactId !== contactId) return;
            state.error = errorOf(actionId, error);
        }
        state.pending = null;
        update();
    }

    const handlers = {
        onAction(actionId) {
            if (state.pending) return;
            if (actionId === 'ENROL') {
                // The guide: Enrol asks for confirmation first.
                Object.assign(state, { confirming: 'ENROL', error: null, done: null });
                update();
                return;
            }
            run(actionId);
        },
        onConfirm() {
            if (state.confirming === 'ENROL') run('ENROL');
        },
        onCancel() {
            state.confirming = null;
            update();
        },
    };

    streams.agent((agent) => {
        agentArn = agent.getAgentARN();
    });
    streams.contact((contact) => {
        contact.onConnected((c) => select(c));
        contact.onRefresh((c) => refresh(c));
        contact.onEnded((c) => end(c));
        contact.onDestroy((c) => end(c));
        // A contact already connected when the page (re)loads does not fire onConnected again.
        const type = contact.getStatus?.()?.type;
        if (type === streams.ContactStateType?.CONNECTED) select(contact);
    });

    update();
    return { handlers, agentArn: () => agentArn, state };
}
