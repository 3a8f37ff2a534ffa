// A stand-in for Amazon Connect Streams' `connect` object, injected into the page before app.js (the page's seam:
// window.nomidioStreamsStandIn). It offers the part of Streams' API the softphone uses — core.initCCP, agent(),
// contact(), ContactStateType and the contact's getContactId/getAttributes/getStatus/on* subscriptions — and
// window.standIn, with which the test plays Connect: contacts arriving, attributes changing, contacts ending.
(() => {
    const agentArn = '__AGENT_ARN__';
    const contactCallbacks = [];
    const contacts = new Map();
    const record = { initCCP: [] };

    function dictionary(attributes) {
        return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, { name, value }]));
    }

    function makeContact(contactId, attributes) {
        const handlers = { connected: [], refresh: [], ended: [], destroy: [] };
        const contact = {
            attributes: { ...attributes },
            state: 'connecting',
            handlers,
            getContactId: () => contactId,
            getAttributes: () => dictionary(contact.attributes),
            getStatus: () => ({ type: contact.state }),
            onConnected: (cb) => handlers.connected.push(cb),
            onRefresh: (cb) => handlers.refresh.push(cb),
            onEnded: (cb) => handlers.ended.push(cb),
            onDestroy: (cb) => handlers.destroy.push(cb),
        };
        return contact;
    }

    window.nomidioStreamsStandIn = {
        ContactStateType: { CONNECTING: 'connecting', CONNECTED: 'connected', ENDED: 'ended' },
        core: {
            initCCP(container, options) {
                record.initCCP.push({ containerId: container?.id ?? null, options: JSON.parse(JSON.stringify(options)) });
            },
        },
        agent(cb) {
            cb({ getAgentARN: () => agentArn });
        },
        contact(cb) {
            contactCallbacks.push(cb);
            for (const contact of contacts.values()) cb(contact);
        },
    };

    window.standIn = {
        record,
        /** A contact arrives and connects, with these attributes (as Connect has them). */
        connect(contactId, attributes = {}) {
            const contact = makeContact(contactId, attributes);
            contacts.set(contactId, contact);
            for (const cb of contactCallbacks) cb(contact);
            contact.state = 'connected';
            for (const cb of contact.handlers.connected) cb(contact);
        },
        /** Connect's next snapshot of the contact carries these attributes. */
        refresh(contactId, attributes) {
            const contact = contacts.get(contactId);
            contact.attributes = { ...attributes };
            for (const cb of contact.handlers.refresh) cb(contact);
        },
        /** The contact ends for this agent (hung up, or the agent left after a transfer), then is cleared. */
        end(contactId) {
            const contact = contacts.get(contactId);
            contact.state = 'ended';
            for (const cb of contact.handlers.ended) cb(contact);
            for (const cb of contact.handlers.destroy) cb(contact);
            contacts.delete(contactId);
        },
    };
})();
