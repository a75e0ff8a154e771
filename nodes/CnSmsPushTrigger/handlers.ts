/** Each push gateway's handler, as its adapter declares it (nodes/gateway/adapters/<id>.push.ts). */
import type { PushHandler } from '../gateway/push';
import { ADAPTERS } from '../gateway/registry';

export function pushHandlerFor(gateway: string): PushHandler | undefined {
	return (ADAPTERS as Record<string, { push?: PushHandler } | undefined>)[gateway]?.push;
}
