// What deploymentHelper's softphone resource uploads: dist/files.txt names every built file (but itself), the page
// loads only what is in dist/, and config.json is not there (the resource writes it per stack).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

describe('dist/', () => {
    it('files.txt lists every built file, one path a line, and not config.json', () => {
        const listed = readFileSync(join(dist, 'files.txt'), 'utf8').split('\n').filter(Boolean);
        const present = readdirSync(dist, { recursive: true }).filter((f) => f !== 'files.txt').sort();
        assert.deepEqual(listed, present);
        assert.ok(listed.includes('index.html') && listed.includes('app.js') && listed.includes('styles.css'));
        assert.ok(!listed.includes('config.json'));
    });

    it('the page refers only to files that are built, and to no other host', () => {
        const html = readFileSync(join(dist, 'index.html'), 'utf8');
        const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
        assert.deepEqual(refs.sort(), ['app.js', 'styles.css']);
    });
});
