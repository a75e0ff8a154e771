/**
 * `npm run simulator`: run the gateway simulator on its own and print the base URLs.
 * Ports: SIM_PORT_BASE (default 18001) + 0..4 in the order chinaSms, smsAdmin, sms112088, sms18, sms10692.
 * The web page (ui.ts) on SIM_UI_PORT (default SIM_PORT_BASE - 1, `off` for none); push URLs for its
 * replies and reports from SIM_PUSH_CHINASMS, SIM_PUSH_SMSADMIN, SIM_PUSH_SMS18 (also settable on the page).
 */
import { GATEWAY_IDS, SIM_ACCOUNTS, startSimulator } from './index';
import { raiseQuotas, startStatsServer } from './stats';
import { startSimulatorUi } from './ui';

async function main(): Promise<void> {
	const base = Number(process.env.SIM_PORT_BASE ?? 18001);
	const ports = Object.fromEntries(GATEWAY_IDS.map((id, i) => [id, base + i]));
	const sim = await startSimulator({ host: process.env.SIM_HOST ?? '127.0.0.1', ports });
	console.log('CN SMS gateway simulator running:');
	for (const id of GATEWAY_IDS) console.log(`  ${id.padEnd(10)} ${sim.urls[id]}   credentials: ${JSON.stringify(SIM_ACCOUNTS[id])}`);
	// Benchmarks (bench/n8n.ts): request counts on a loopback endpoint, prepaid quotas lifted.
	if (process.env.SIM_STATS_PORT) {
		raiseQuotas(sim);
		console.log(`  stats      ${(await startStatsServer(sim, Number(process.env.SIM_STATS_PORT))).url}/stats`);
	}
	if (process.env.SIM_UI_PORT !== 'off') {
		const ui = await startSimulatorUi(sim, {
			port: Number(process.env.SIM_UI_PORT || base - 1),
			pushUrls: { chinaSms: process.env.SIM_PUSH_CHINASMS, smsAdmin: process.env.SIM_PUSH_SMSADMIN, sms18: process.env.SIM_PUSH_SMS18 },
		});
		console.log(`  web page   ${ui.url}`);
	}
	const stop = () => void sim.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
