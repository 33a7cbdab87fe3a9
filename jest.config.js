/** Unit tests: the node run by n8n-core's real workflow engine, HTTP intercepted by nock. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/unit'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
	// e2e runtimes (thousands of packages) live outside the repo; keep jest's crawler off dist too.
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	setupFilesAfterEnv: ['<rootDir>/test/helpers/nockSetup.ts'],
	testTimeout: 30000,
};
