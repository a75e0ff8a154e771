import type { GatewayAdapter } from '../types';

// Placeholder until the adapter lands.
export const chinaSms = {} as GatewayAdapter;
