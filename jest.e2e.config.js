/** End-to-end tests: the packed package inside real n8n builds (see test/e2e/). One worker per n8n build. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.js'],
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.e2e-work/'],
	testTimeout: 300000,
	maxWorkers: 2,
};
