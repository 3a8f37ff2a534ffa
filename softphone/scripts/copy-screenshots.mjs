// Copies the browser test's screenshots of the main screens (target/screenshots/) to docs/ for the READMEs.
// Run after `npm test` when the panel's look changed.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MAIN_SCREENS = [
    'authenticated-ready-to-enrol', 'enrol-confirm', 'enrolled', 'authenticated-enrolled', 'challenge-requested',
    'challenge-awaiting-result', 'challenge-failed', 'blocked', 'fraud-warning', 'suspected-fraud',
    'nomidio-unavailable', 'not-authenticated', 'action-failed', 'no-contact', 'loading',
];
mkdirSync(join(root, 'docs'), { recursive: true });
for (const name of MAIN_SCREENS) {
    copyFileSync(join(root, 'target', 'screenshots', `${name}.png`), join(root, 'docs', `${name}.png`));
}
console.log(`copied ${MAIN_SCREENS.length} screenshots to docs/`);
