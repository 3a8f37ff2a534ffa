// Draws the panel from panelView()'s answer. Everything the agent can do is a real <button>; the status line is
// an aria-live region so a screen reader hears the screen change; focus stays on the same action across redraws.
function el(tag, attributes = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
        if (value === false || value === null || value === undefined) continue;
        if (key === 'text') node.textContent = value;
        else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) if (child) node.append(child);
    return node;
}

function button(item, kind) {
    return el('button', {
        type: 'button',
        class: `action action-${kind}`,
        'data-action': item.id,
        disabled: !item.enabled,
        text: item.label,
    });
}

/**
 * @param root the panel's element (holds the live region and the dialog, made once)
 * @param onAction (actionId) => void
 */
export function createView(root, { onAction, onConfirm, onCancel }) {
    const menu = el('div', { class: 'menu', role: 'toolbar', 'aria-label': 'Nomidio actions' });
    const status = el('div', { class: 'status', id: 'nomidio-status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    const body = el('div', { class: 'body' });
    const alert = el('div', { class: 'notice-area', role: 'alert', 'aria-atomic': 'true' });
    const dialog = el('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-text' });
    root.replaceChildren(
        el('h1', { class: 'title', id: 'nomidio-heading', tabindex: '-1', text: 'Nomidio' }),
        menu, status, alert, body, dialog);

    root.addEventListener('click', (event) => {
        const target = event.target.closest('button[data-action]');
        if (target && !target.disabled && root.contains(target)) onAction(target.dataset.action);
    });
    dialog.addEventListener('cancel', () => onCancel());

    let shownDialog = null;

    return function render(view) {
        const focused = document.activeElement?.dataset?.action ?? null;
        root.dataset.screen = view.screen;
        root.dataset.loading = String(view.loading);
        root.setAttribute('aria-busy', view.busy ? 'true' : 'false');

        menu.replaceChildren(...view.menu.filter((item) => item.visible).map((item) => button(item, 'menu')));

        status.className = `status tone-${view.tone}`;
        status.replaceChildren(...[
            el('h2', { class: 'screen-title', text: view.title }),
            el('p', { class: 'summary', text: view.summary }),
            view.busy ? el('p', { class: 'busy', text: view.busy }) : null,
        ].filter(Boolean));

        if (view.notice) {
            const notice = el('div', { class: `notice notice-${view.notice.kind}`, 'data-notice': view.notice.kind }, [
                el('p', { text: view.notice.text }),
            ]);
            if (view.notice.nomidioId) {
                notice.append(el('label', { for: 'nomidio-id', text: 'Nomidio ID' }),
                    el('input', { id: 'nomidio-id', readonly: true, value: view.notice.nomidioId }));
            }
            alert.replaceChildren(notice);
        } else {
            alert.replaceChildren();
        }

        const parts = [];
        if (view.steps.length) parts.push(el('ol', { class: 'steps' }, view.steps.map((step) => el('li', { text: step }))));
        if (view.screenActions.length) {
            parts.push(el('div', { class: 'screen-actions' }, view.screenActions.map((item) => button(item, 'screen'))));
        }
        if (view.fields.length) {
            const list = el('dl', { class: 'fields' });
            for (const field of view.fields) list.append(el('dt', { text: field.label }), el('dd', { text: field.value }));
            parts.push(list);
        }
        if (view.contactId) parts.push(el('p', { class: 'contact-id', text: `Contact ${view.contactId}` }));
        body.replaceChildren(...parts);

        if (view.confirm && shownDialog !== view.confirm.action) {
            dialog.replaceChildren(
                el('p', { id: 'confirm-text', text: view.confirm.text }),
                el('div', { class: 'dialog-actions' }, [
                    el('button', { type: 'button', class: 'action action-confirm', 'data-confirm': 'yes', text: 'Confirm' }),
                    el('button', { type: 'button', class: 'action', 'data-confirm': 'no', text: 'Cancel' }),
                ]));
            dialog.querySelector('[data-confirm=yes]').addEventListener('click', () => onConfirm());
            dialog.querySelector('[data-confirm=no]').addEventListener('click', () => onCancel());
            dialog.showModal();
            dialog.querySelector('[data-confirm=yes]').focus();
            shownDialog = view.confirm.action;
        } else if (!view.confirm && shownDialog) {
            if (dialog.open) dialog.close();
            shownDialog = null;
        }

        if (!view.confirm) {
            // Keep the agent's place: the same action if it is still there and usable, else the panel's heading
            // (a disabled button cannot hold focus, and the page's body would lose the agent's place).
            const again = focused ? root.querySelector(`button[data-action="${focused}"]:not([disabled])`) : null;
            if (again) again.focus();
            else if (focused) root.querySelector('#nomidio-heading').focus();
        }
    };
}
