/**
 * Shared by the reliability suite: the secrets of the simulator's accounts in every spelling, a
 * scanner that counts what it looked at, capture of n8n's log lines, and the figures each file
 * reports (printed at the end of the file and kept in a summary file, see report.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as iconv from 'iconv-lite';

import { SIM_ACCOUNTS } from '../simulator/vendors';

export const SUMMARY_DIR = join(tmpdir(), 'cn-sms-reliability');

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** Passwords of the simulator's accounts, their MD5 hashes, and extra secrets (signatures, new passwords). */
export function baseSecrets(): string[] {
	const passwords = Object.values(SIM_ACCOUNTS).map((a) => a.password);
	return [...passwords, ...passwords.map(md5)];
}

function percent(bytes: Buffer, upper: boolean): string {
	let out = '';
	for (const b of bytes) {
		const ch = String.fromCharCode(b);
		if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
		else {
			const hex = b.toString(16).padStart(2, '0');
			out += `%${upper ? hex.toUpperCase() : hex}`;
		}
	}
	return out;
}

/**
 * Every spelling a secret can take in a URL, a form, XML, JSON or a message: raw,
 * percent-encoded as UTF-8 and as GBK (upper and lower case hex, `+` for spaces),
 * encodeURIComponent, XML- and JSON-escaped. Compared case-insensitively (hex may change case).
 */
export function spellings(secret: string): string[] {
	const forms = new Set<string>([secret]);
	for (const bytes of [Buffer.from(secret, 'utf8'), iconv.encode(secret, 'gbk')]) {
		for (const upper of [true, false]) {
			const p = percent(bytes, upper);
			forms.add(p);
			forms.add(p.replace(/%20/g, '+'));
		}
	}
	forms.add(encodeURIComponent(secret));
	forms.add(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
	forms.add(JSON.stringify(secret).slice(1, -1));
	return [...forms].map((f) => f.toLowerCase());
}

export interface SecretHit {
	where: string;
	secret: string;
	spelling: string;
}

/** Looks for every spelling of every secret in whatever it is given; counts what it scanned. */
export class SecretScanner {
	private readonly secrets = new Map<string, string[]>();
	readonly hits: SecretHit[] = [];
	scannedValues = 0;
	scannedChars = 0;

	/** The simulator's passwords and their MD5 hashes, plus `extra` (push passwords, new passwords). */
	constructor(extra: string[] = []) {
		for (const s of [...baseSecrets(), ...extra]) this.add(s);
	}

	add(secret: string): void {
		if (secret && !this.secrets.has(secret)) this.secrets.set(secret, spellings(secret));
	}

	get secretCount(): number {
		return this.secrets.size;
	}

	/** Scan a value: strings as they are, anything else as JSON plus the fields of errors. */
	scan(where: string, value: unknown): void {
		for (const text of texts(value)) {
			this.scannedValues++;
			this.scannedChars += text.length;
			const haystack = text.toLowerCase();
			for (const [secret, forms] of this.secrets) {
				const spelling = forms.find((f) => haystack.includes(f));
				if (spelling) this.hits.push({ where, secret, spelling });
			}
		}
	}
}

/** The texts of a value: an error's message, description, context and stack-free JSON. */
function texts(value: unknown): string[] {
	if (value === null || value === undefined) return [];
	if (typeof value === 'string') return [value];
	const out: string[] = [];
	if (value instanceof Error) {
		const e = value as Error & { description?: unknown; context?: unknown; cause?: unknown };
		out.push(e.message);
		if (e.description !== undefined) out.push(String(e.description));
		if (e.context !== undefined) out.push(safeJson(e.context));
		if (e.cause !== undefined) out.push(...texts(e.cause));
	}
	out.push(safeJson(value));
	return out;
}

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)) ?? '';
	} catch {
		return String(value);
	}
}

/** n8n's logger (engine and node lines alike) writes here while `start()`ed. */
export function captureN8nLogs(): { lines: Array<{ level: string; message: string; meta: unknown }>; stop: () => void } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Logger } = require('@n8n/backend-common') as { Logger: { prototype: { log: (...args: unknown[]) => void } } };
	const lines: Array<{ level: string; message: string; meta: unknown }> = [];
	const spy = jest.spyOn(Logger.prototype, 'log').mockImplementation((level: unknown, message: unknown, meta: unknown) => {
		lines.push({ level: String(level), message: String(message), meta });
	});
	return { lines, stop: () => spy.mockRestore() };
}

/** Keep a file's figures (for report.ts) and print them as a table at the end of the file. */
export function reportFigures(name: string, figures: Record<string, number | string>): void {
	mkdirSync(SUMMARY_DIR, { recursive: true });
	writeFileSync(join(SUMMARY_DIR, `${name}.json`), JSON.stringify({ name, at: new Date().toISOString(), figures }, null, 2));
	const width = Math.max(...Object.keys(figures).map((k) => k.length));
	const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
	// eslint-disable-next-line no-console
	console.log(`Reliability figures: ${name}\n${lines.join('\n')}`);
}
