/**
 * The assets step of `npm run build`, run after `n8n-node build`.
 *
 * `n8n-node build` compiles the TypeScript and copies every icon (svg/png) into dist/.
 * It does not copy the codex files (`*.node.json`: category and documentation links shown in
 * the n8n nodes panel), and tsconfig.json leaves them out of the compile on purpose, so this
 * task is the one place that puts them into dist/, next to the compiled node.
 */
const { src, dest } = require('gulp');

function copyCodexFiles() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:codex'] = copyCodexFiles;
exports.default = copyCodexFiles;
