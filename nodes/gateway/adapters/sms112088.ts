import type { GatewayAdapter } from '../types';

// Placeholder until the adapter lands.
export const sms112088 = {} as GatewayAdapter;
