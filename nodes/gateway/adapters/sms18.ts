import type { GatewayAdapter } from '../types';

// Placeholder until the adapter lands.
export const sms18 = {} as GatewayAdapter;
