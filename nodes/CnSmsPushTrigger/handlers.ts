/** Each push gateway's handler, as its adapter declares it (nodes/gateway/adapters/<id>.push.ts). */
import type { PushHandler } from '../gateways/push/push';
import { ADAPTERS } from '../gateways/registry';

export function pushHandlerFor(gateway: string): PushHandler | undefined {
	return (ADAPTERS as Record<string, { push?: PushHandler } | undefined>)[gateway]?.push;
}
