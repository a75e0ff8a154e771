import type { VendorModule } from '../types';

// Placeholder until the vendor module lands.
export function createSms10692(account: Record<string, string>): VendorModule {
	void account;
	return {
		id: 'sms10692',
		requestCharset: () => 'utf8',
		responseCharset: () => 'utf8',
		handle: () => ({ status: 404, body: 'not emulated yet' }),
		sent: () => [],
		pending: () => ({ replies: 0, reports: 0 }),
		reset: () => undefined,
	};
}
