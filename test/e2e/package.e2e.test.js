'use strict';
/** What users install: the packed tarball holds the compiled node and credential, and nothing else. */
const { execFileSync } = require('node:child_process');
const { packedPackage } = require('./n8n');

test('the tarball ships only dist/credentials, dist/nodes and the package metadata', () => {
	const files = execFileSync('tar', ['-tzf', packedPackage()], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((file) => file.replace(/^package\//, ''));
	const outside = files.filter(
		(file) => !/^dist\/(credentials|nodes)\//.test(file) && !['package.json', 'README.md', 'LICENSE'].includes(file),
	);
	expect(outside).toEqual([]);
	expect(files).toEqual(
		expect.arrayContaining([
			'dist/nodes/Xobito/Xobito.node.js',
			'dist/nodes/Xobito/Xobito.node.json',
			'dist/nodes/Xobito/xobito.svg',
			'dist/nodes/Xobito/xobito.dark.svg',
			'dist/credentials/XobitoApi.credentials.js',
		]),
	);
});
