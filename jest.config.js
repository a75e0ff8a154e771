/** Unit and integration tests run against the local gateway simulator (test/simulator). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	testTimeout: 60_000,
	// Real n8n runs are slow and use fixed ports: keep them in their own projects (npm run test:e2e,
	// npm run test:queue).
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/queue/'],
};
