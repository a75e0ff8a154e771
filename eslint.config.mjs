import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', '*.js', '*.mjs'] },
	{
		files: ['**/*.ts'],
		languageOptions: { parser: tseslint.parser },
	},
	{
		// The package.json rules (n8n object, author, peer dependencies…) need package.json parsed as JSON.
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	// This package ships runtime dependencies (iconv-lite for GBK/GB2312, fast-xml-parser for
	// sms10692), so it cannot run on n8n Cloud; the Cloud-only import/global restrictions do not apply.
	n8nCommunityNodesPlugin.configs.recommendedWithoutN8nCloudSupport,
	{
		rules: {
			// iconv-lite and fast-xml-parser ship with the package: n8n has no GBK codec or XML parser
			// a community node may use, and the gateways answer in GBK/GB2312 and XML.
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		// nodes/gateway/ is framework-free by design (no n8n imports): it throws its own GatewayError,
		// TransportError and InputError, and nodes/common/gateway.ts (toNodeError) wraps them in
		// NodeApiError / NodeOperationError where they reach n8n.
		files: ['nodes/gateway/**/*.ts'],
		rules: { '@n8n/community-nodes/require-node-api-error': 'off' },
	},
];
