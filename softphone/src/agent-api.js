// The agent API client (contract: README "Softphone"): every request names the agent in X-Nomidio-Agent-Arn;
// the API serves it only while Connect shows that contact connected to that agent.
export class AgentApiError extends Error {
    constructor(code, message, httpStatus) {
        super(message || code);
        this.code = code;
        this.httpStatus = httpStatus;
    }
}

const KNOWN_CODES = new Set(['BAD_REQUEST', 'FORBIDDEN', 'NOT_ALLOWED', 'NOMIDIO_UNAVAILABLE', 'ERROR']);

/**
 * @param apiUrl the API's base URL from config.json
 * @param agentArn () => the signed-in agent's ARN (Streams' agent.getAgentARN()), or null before sign-in
 */
export function agentApi({ apiUrl, agentArn, fetchImpl = (...args) => globalThis.fetch(...args) }) {
    const base = String(apiUrl).replace(/\/+$/, '');

    async function call(method, contactId, path, body) {
        const arn = agentArn();
        if (!arn) throw new AgentApiError('NOT_READY', '', 0);
        let response;
        try {
            response = await fetchImpl(`${base}/contacts/${encodeURIComponent(contactId)}/${path}`, {
                method,
                headers: {
                    'X-Nomidio-Agent-Arn': arn,
                    ...(body ? { 'Content-Type': 'application/json' } : {}),
                },
                body: body ? JSON.stringify(body) : undefined,
                cache: 'no-store',
            });
        } catch {
            throw new AgentApiError('NETWORK', '', 0);
        }
        let json = null;
        try {
            json = await response.json();
        } catch {
            json = null;
        }
        if (!response.ok) {
            const code = response.status === 413 ? 'PAYLOAD_TOO_LARGE'
                : KNOWN_CODES.has(json?.error) ? json.error : 'ERROR';
            // Only the API's own short message is shown; 403 never carries one (by design, no detail).
            const message = typeof json?.message === 'string' ? json.message.slice(0, 200) : '';
            throw new AgentApiError(code, message, response.status);
        }
        if (!json || typeof json !== 'object') throw new AgentApiError('ERROR', 'unreadable answer', response.status);
        return json;
    }

    return {
        /** GET /contacts/{id}/nomidio → the contact's latest attributes. */
        async attributes(contactId) {
            const json = await call('GET', contactId, 'nomidio');
            return flat(json.attributes);
        },
        /** POST /contacts/{id}/actions → {outcome, action, attributes, nomidioId?}. */
        async act(contactId, request) {
            const json = await call('POST', contactId, 'actions', request);
            return { ...json, attributes: json.attributes ? flat(json.attributes) : null };
        },
    };
}

/** Only string values: Connect's attributes are a flat string map, and anything else is not trusted. */
export function flat(attributes) {
    const out = {};
    if (attributes && typeof attributes === 'object') {
        for (const [key, value] of Object.entries(attributes)) {
            if (typeof value === 'string') out[key] = value;
        }
    }
    return out;
}
