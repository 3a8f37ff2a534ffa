// The softphone page: reads config.json (written beside the page by deploymentHelper), embeds the instance's CCP
// through Streams and starts the Nomidio panel.
import 'amazon-connect-streams';
import { agentApi } from './agent-api.js';
import { startController } from './controller.js';
import { createView } from './view.js';
import { CONFIG_ERROR_TEXT } from './texts.js';

async function loadConfig() {
    const response = await fetch('config.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
    const config = await response.json();
    for (const key of ['connectInstanceUrl', 'region', 'apiUrl']) {
        if (typeof config?.[key] !== 'string' || !config[key]) throw new Error(`config.json: no ${key}`);
    }
    return config;
}

/** Copies with the async Clipboard API; false when the browser refuses (the panel then shows the ID to copy). */
async function copyToClipboard(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}

async function start() {
    const panel = document.getElementById('nomidio');
    // The browser test's seam: a stand-in for Streams' `connect` set before this script runs. In production
    // nothing defines it and the bundled Streams library is used.
    const streams = window.nomidioStreamsStandIn ?? window.connect;
    let config;
    try {
        config = await loadConfig();
    } catch (error) {
        panel.dataset.screen = 'CONFIG_ERROR';
        panel.replaceChildren(Object.assign(document.createElement('p'), { role: 'alert', textContent: CONFIG_ERROR_TEXT }));
        console.error(error);
        return;
    }
    streams.core.initCCP(document.getElementById('ccp'), {
        ccpUrl: `${config.connectInstanceUrl.replace(/\/+$/, '')}/ccp-v2/`,
        region: config.region,
        loginPopup: true,
        loginPopupAutoClose: true,
        softphone: { allowFramedSoftphone: true },
        pageOptions: { enableAudioDeviceSettings: true, enablePhoneTypeSettings: true },
    });
    let handlers = null;
    const render = createView(panel, {
        onAction: (id) => handlers?.onAction(id),
        onConfirm: () => handlers?.onConfirm(),
        onCancel: () => handlers?.onCancel(),
    });
    ({ handlers } = startController({
        streams,
        makeApi: (agentArn) => agentApi({ apiUrl: config.apiUrl, agentArn }),
        render,
        clipboard: copyToClipboard,
    }));
}

start();
