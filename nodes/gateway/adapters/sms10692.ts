import type { GatewayAdapter } from '../types';

// Placeholder until the adapter lands.
export const sms10692 = {} as GatewayAdapter;
