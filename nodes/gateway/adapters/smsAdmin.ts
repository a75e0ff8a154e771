import type { GatewayAdapter } from '../types';

// Placeholder until the adapter lands.
export const smsAdmin = {} as GatewayAdapter;
