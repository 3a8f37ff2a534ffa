// Builds dist/: the bundled app (Streams included: no CDN at run time), the page, its styles, and files.txt, the
// index deploymentHelper's softphone resource reads to upload every file. config.json is not built: the resource
// writes it per stack.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
    entryPoints: [join(root, 'src', 'main.js')],
    outfile: join(dist, 'app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox120', 'safari16'],
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    logLevel: 'warning',
});
for (const file of ['index.html', 'styles.css']) copyFileSync(join(root, 'src', file), join(dist, file));

function list(dir) {
    return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? list(path) : [relative(dist, path).split('\\').join('/')];
    });
}
const files = list(dist).filter((f) => f !== 'files.txt').sort();
writeFileSync(join(dist, 'files.txt'), files.join('\n') + '\n');
console.log(`dist/: ${files.join(', ')}`);
