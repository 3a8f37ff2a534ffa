// A local stand-in for the agent API (contract in the README's "Softphone" section), over real HTTP with CORS
// for the page's origin, as the deployed API answers the softphone. It keeps each contact's attributes, applies
// the actions the way the API does, records every request, and lets a test script a failure or hold an answer.
import { createServer } from 'node:http';
import { ContactAttribute, NomidioStatus } from '../../src/generated/vocabulary.js';

const A = ContactAttribute;

export async function startFakeAgentApi({ agentArn, allowedOrigin }) {
    const contacts = new Map();
    const requests = [];
    const scripted = [];
    let held = null;

    function apply(attributes, { action, level }) {
        const next = { ...attributes };
        switch (action) {
            case 'BLOCK':
                next.__before_block = next[A.STATUS] ?? '';
                next[A.STATUS] = NomidioStatus.BLOCKED;
                break;
            case 'UNBLOCK':
                next[A.STATUS] = next.__before_block || NomidioStatus.ENROLLED;
                delete next.__before_block;
                break;
            case 'SET_FRAUD': case 'CONFIRM_FRAUD': next[A.FRAUD_FLAG] = 'SUSPECTED_FRAUD'; break;
            case 'CLEAR_FRAUD': next[A.FRAUD_FLAG] = ''; break;
            case 'ENROL':
                next[A.STATUS] = NomidioStatus.ENROLLED;
                next[A.AUTHENTICATED_ENROLLED] = 'true';
                break;
            case 'CHALLENGE':
                next[A.AGENT_CHALLENGE] = 'REQUESTED';
                next[A.AUTH_LEVEL] = level;
                next[A.RETURN_AGENT] = agentArn;
                break;
            default: return null;
        }
        return next;
    }

    const visible = (attributes) => Object.fromEntries(Object.entries(attributes).filter(([k]) => !k.startsWith('__')));

    function send(response, status, body, origin) {
        response.writeHead(status, {
            'Content-Type': 'application/json',
            ...(origin === allowedOrigin ? { 'Access-Control-Allow-Origin': allowedOrigin, Vary: 'Origin' } : {}),
        });
        response.end(body === undefined ? '' : JSON.stringify(body));
    }

    const server = createServer((request, response) => {
        const origin = request.headers.origin;
        if (request.method === 'OPTIONS') {
            response.writeHead(204, {
                'Access-Control-Allow-Origin': origin === allowedOrigin ? allowedOrigin : 'null',
                'Access-Control-Allow-Methods': 'GET, POST',
                'Access-Control-Allow-Headers': 'X-Nomidio-Agent-Arn, Content-Type',
                'Access-Control-Max-Age': '600',
            });
            response.end();
            return;
        }
        let raw = '';
        request.on('data', (chunk) => { raw += chunk; });
        request.on('end', async () => {
            const match = /^\/contacts\/([^/]+)\/(nomidio|actions)$/.exec(request.url);
            let body = null;
            try { body = raw ? JSON.parse(raw) : null; } catch { body = raw; }
            const entry = {
                method: request.method, path: request.url, agentArn: request.headers['x-nomidio-agent-arn'] ?? null,
                contentType: request.headers['content-type'] ?? null, origin: origin ?? null, body,
            };
            requests.push(entry);
            if (held && request.method === 'GET') await held.promise;
            if (!match) return send(response, 404, { error: 'ERROR' }, origin);
            if (entry.agentArn !== agentArn) return send(response, 403, { error: 'FORBIDDEN' }, origin);
            const contactId = decodeURIComponent(match[1]);
            if (!contacts.has(contactId)) return send(response, 403, { error: 'FORBIDDEN' }, origin);
            const next = scripted.shift();
            if (next) return send(response, next.status, next.body, origin);
            if (request.method === 'GET' && match[2] === 'nomidio') {
                return send(response, 200, { contactId, attributes: visible(contacts.get(contactId)) }, origin);
            }
            if (request.method === 'POST' && match[2] === 'actions') {
                const updated = body && typeof body === 'object' ? apply(contacts.get(contactId), body) : null;
                if (!updated) return send(response, 400, { error: 'BAD_REQUEST', message: 'unknown action' }, origin);
                contacts.set(contactId, updated);
                const answer = { outcome: 'OK', action: body.action, attributes: visible(updated) };
                if (body.action === 'ENROL') answer.nomidioId = `nid-${contactId}`;
                return send(response, 200, answer, origin);
            }
            return send(response, 404, { error: 'ERROR' }, origin);
        });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

    return {
        url: `http://127.0.0.1:${server.address().port}`,
        requests,
        /** The contact as Connect holds it (what DescribeContact/the attributes would show the API). */
        setContact(contactId, attributes) { contacts.set(contactId, { ...attributes }); },
        attributesOf(contactId) { return visible(contacts.get(contactId) ?? {}); },
        /** The next request (after the agent check) gets this answer instead. */
        failNext(status, body) { scripted.push({ status, body }); },
        /** GETs wait until release() is called. */
        holdReads() {
            let release;
            const promise = new Promise((resolve) => { release = resolve; });
            held = { promise, release };
        },
        release() { held?.release(); held = null; },
        close: () => new Promise((resolve) => { held?.release(); server.closeAllConnections?.(); server.close(resolve); }),
    };
}
