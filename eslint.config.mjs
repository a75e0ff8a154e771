// npm run lint applies exactly the rules n8n's package scanner applies to the source
// (@n8n/scan-community-package, pinned in devDependencies): its own config, built by its own
// buildScanConfig, with nothing switched off. The scanner ignores `eslint-disable` comments, so lint
// does too. `npm run scan` checks that lint and the scanner report the same findings.
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';
import tmp from 'tmp';

// The scanner makes a temporary directory when it is imported and leaves it behind unless asked.
tmp.setGracefulCleanup();

export default [
	{ ignores: ['dist/**', 'node_modules/**'] },
	{ linterOptions: { noInlineConfig: true } },
	...(await buildScanConfig()),
];
