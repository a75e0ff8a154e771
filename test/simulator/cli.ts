/**
 * `npm run simulator`: run the gateway simulator on its own and print the base URLs.
 * Ports: SIM_PORT_BASE (default 18001) + 0..4 in the order chinaSms, smsAdmin, sms112088, sms18, sms10692.
 */
import { GATEWAY_IDS, SIM_ACCOUNTS, startSimulator } from './index';

async function main(): Promise<void> {
	const base = Number(process.env.SIM_PORT_BASE ?? 18001);
	const ports = Object.fromEntries(GATEWAY_IDS.map((id, i) => [id, base + i]));
	const sim = await startSimulator({ host: process.env.SIM_HOST ?? '127.0.0.1', ports });
	console.log('CN SMS gateway simulator running:');
	for (const id of GATEWAY_IDS) console.log(`  ${id.padEnd(10)} ${sim.urls[id]}   credentials: ${JSON.stringify(SIM_ACCOUNTS[id])}`);
	const stop = () => void sim.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
