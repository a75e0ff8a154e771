/**
 * `npx ts-node --transpile-only bench/codec.ts`: what replaced iconv-lite, fast-xml-parser and
 * node:net at run time, measured against them. Prints tables; no test asserts a time. Run it with
 * another Node (`/path/to/node node_modules/.bin/ts-node --transpile-only bench/codec.ts`) to
 * measure that runtime's GB18030 decoder (n8n 2.41.1 runs on Node 24).
 *
 * Environment: CODEC_BENCH_PROCESSES (fresh processes for the cold table build, default 7).
 */
import { execFileSync } from 'node:child_process';
import * as net from 'node:net';
import * as os from 'node:os';

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as iconv from 'iconv-lite';

import { isAllowed, parseAllowList } from '../nodes/gateways/push/sourceAddress';
import { decodeGbk, encodeGbk } from '../nodes/gateways/kit/gbk';
import { readXml } from '../nodes/gateways/kit/xmlReader';
import { fmt, median, table } from './table';

const PROCESSES = Number(process.env.CODEC_BENCH_PROCESSES || 7);

/** Median time of `fn` in ns, over `rounds` rounds of `reps` calls, after a warm-up round. */
function timeNs(fn: () => unknown, reps: number, rounds = 7): number {
	for (let i = 0; i < reps; i++) fn();
	const samples: number[] = [];
	for (let r = 0; r < rounds; r++) {
		const start = process.hrtime.bigint();
		for (let i = 0; i < reps; i++) fn();
		samples.push(Number(process.hrtime.bigint() - start) / reps);
	}
	return median(samples);
}

/** In a fresh process: the first GBK call (which builds the table) and the memory it kept. */
const CHILD = `
require('ts-node').register({ transpileOnly: true });
const gbk = require(${JSON.stringify(require.resolve('../nodes/gateways/kit/gbk'))});
global.gc && global.gc();
const before = process.memoryUsage();
const t0 = process.hrtime.bigint();
gbk.encodeGbk('中');
const first = Number(process.hrtime.bigint() - t0) / 1e6;
const t1 = process.hrtime.bigint();
gbk.encodeGbk('文');
const second = Number(process.hrtime.bigint() - t1) / 1e6;
global.gc && global.gc();
const after = process.memoryUsage();
process.stdout.write(JSON.stringify({ first, second, arrayBuffers: after.arrayBuffers - before.arrayBuffers }));
`;

function coldBuild(): string {
	const runs = Array.from({ length: PROCESSES }, () => JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', CHILD], { encoding: 'utf8' })) as { first: number; second: number; arrayBuffers: number });
	const firsts = runs.map((r) => r.first);
	return table(
		'GBK table: built on the first GBK call',
		['fresh processes', 'first call, median', 'min–max', 'second call, median', 'typed arrays kept'],
		[
			[
				PROCESSES,
				`${median(firsts).toFixed(1)} ms`,
				`${Math.min(...firsts).toFixed(1)}–${Math.max(...firsts).toFixed(1)} ms`,
				`${median(runs.map((r) => r.second)).toFixed(3)} ms`,
				`${fmt.int(median(runs.map((r) => r.arrayBuffers)))} B`,
			],
		],
		[
			'the tables: decode 23,940 × 2 B = 47,880 B, encode 65,536 × 2 B = 131,072 B (178,952 B); importing the module builds nothing',
			'"first call" includes loading the decoder, decoding all 23,940 codes, the checksum and the inversion',
		],
	);
}

function throughput(): string {
	const sms = '【公司】您的验证码是１２３４，５分钟内有效，请勿泄露。如非本人操作请忽略本短信。谢谢！'.repeat(1);
	const long = '朱镕基总理说：“不管前面是地雷阵还是万丈深渊，我都将一往无前，义无反顾，鞠躬尽瘁，死而后已。” ABC 123 '.repeat(100);
	const answer = `<?xml version="1.0" encoding="gb2312"?><returnsms>${'<callbox><mobile>13800138000</mobile><content>你好，本次活动路线是怎么的</content><receivetime>2011-12-02 22:12:11</receivetime></callbox>'.repeat(6000)}</returnsms>`;
	const rows: Array<Array<string | number>> = [];
	for (const [label, text, reps] of [
		[`SMS (${sms.length} chars)`, sms, 20_000],
		[`long text (${fmt.int(long.length)} chars)`, long, 500],
		[`answer (${fmt.int(answer.length)} chars)`, answer, 5],
	] as Array<[string, string, number]>) {
		const bytes = iconv.encode(text, 'gbk');
		const ours = { enc: timeNs(() => encodeGbk(text), reps), dec: timeNs(() => decodeGbk(bytes), reps) };
		const theirs = { enc: timeNs(() => iconv.encode(text, 'gbk'), reps), dec: timeNs(() => iconv.decode(bytes, 'gbk'), reps) };
		const mbs = (ns: number) => `${((bytes.length / ns) * 1e3).toFixed(0)} MB/s`;
		rows.push([
			label,
			`${mbs(ours.enc)} / ${mbs(theirs.enc)}`,
			fmt.ratio(theirs.enc / ours.enc),
			`${mbs(ours.dec)} / ${mbs(theirs.dec)}`,
			fmt.ratio(theirs.dec / ours.dec),
		]);
	}
	const oneChar = { ours: timeNs(() => decodeGbk(encodeGbk('镕')), 200_000), theirs: timeNs(() => iconv.decode(iconv.encode('镕', 'gbk'), 'gbk'), 200_000) };
	rows.push(['one character, encode + decode', `${Math.round(oneChar.ours)} ns / ${Math.round(oneChar.theirs)} ns`, fmt.ratio(oneChar.theirs / oneChar.ours), '', '']);
	return table('GBK encode and decode: this codec / iconv-lite (GBK bytes per second)', ['text', 'encode', 'faster ×', 'decode', 'faster ×'], rows);
}

function xml(): string {
	const fxp = new XMLParser({ processEntities: false, htmlEntities: false, parseTagValue: false, trimValues: false, ignoreAttributes: true, ignoreDeclaration: true, ignorePiTags: true });
	const box = (i: number) => `<statusbox>\n<mobile>138${String(i).padStart(8, '0')}</mobile>\n<taskid>${i}</taskid>\n<status>10</status>\n<receivetime>2026-11-20 10:00:00</receivetime>\n<errorcode>DELIVRD</errorcode>\n<extno>01</extno>\n</statusbox>\n`;
	const rows: Array<Array<string | number>> = [];
	for (const megabytes of [1, 2, 4, 8]) {
		const count = Math.round((megabytes * 1e6) / box(0).length);
		const doc = `<returnsms>\n${Array.from({ length: count }, (_, i) => box(i)).join('')}</returnsms>`;
		const ours = timeNs(() => readXml(doc), 1, 5) / 1e6;
		const theirs = timeNs(() => XMLValidator.validate(doc) === true && fxp.parse(doc), 1, 5) / 1e6;
		rows.push([`${megabytes} MB (${fmt.int(count)} boxes)`, `${ours.toFixed(0)} ms`, `${(doc.length / 1e3 / ours).toFixed(1)} MB/s`, `${theirs.toFixed(0)} ms`, fmt.ratio(theirs / ours)]);
	}
	const former = /^\s*(?:<\?xml[^>]*\?>)?\s*<returnsms\s*(?:\/>|>([\s\S]*)<\/returnsms>)\s*$/;
	const blank = [10_000, 20_000, 40_000].map((n) => {
		const body = ' '.repeat(n);
		return `${fmt.int(n)}: ${(timeNs(() => former.exec(body), 1, 3) / 1e6).toFixed(0)} ms`;
	});
	const whiteDoc = `<r>${' '.repeat(5_000_000)}</r>`;
	return table('XML: the reader / fast-xml-parser (validate + parse), a status report answer', ['answer', 'reader', 'reader speed', 'fast-xml-parser', 'reader faster ×'], rows, [
		`the former <returnsms> pattern on blank space (characters: time): ${blank.join(', ')}, quadratic; the reader on 5 MB of blank space inside an element: ${(timeNs(() => readXml(whiteDoc), 1, 3) / 1e6).toFixed(1)} ms`,
	]);
}

function addresses(): string {
	const entries = '203.0.113.7, 198.51.100.0/24, 10.0.0.0/8, 2001:db8::/32, ::1, fe80::/10';
	const probes = ['198.51.100.77', '::ffff:10.1.2.3', '2001:db8:1::5', '8.8.8.8', 'fe80::1%eth0', '2a00::1'];
	const ours = parseAllowList(entries).list!;
	const theirs = new net.BlockList();
	theirs.addAddress('203.0.113.7', 'ipv4');
	theirs.addSubnet('198.51.100.0', 24, 'ipv4');
	theirs.addSubnet('10.0.0.0', 8, 'ipv4');
	theirs.addSubnet('2001:db8::', 32, 'ipv6');
	theirs.addAddress('::1', 'ipv6');
	theirs.addSubnet('fe80::', 10, 'ipv6');
	const check = { ours: timeNs(() => probes.map((p) => isAllowed(ours, p)), 20_000) / probes.length, theirs: timeNs(() => probes.map((p) => theirs.check(p, net.isIP(p) === 4 ? 'ipv4' : 'ipv6')), 20_000) / probes.length };
	const parse = timeNs(() => parseAllowList(entries), 20_000);
	return table('Allow-list: one check of one address against six entries', ['', 'this package', 'node:net isIP + BlockList'], [
		['check', `${Math.round(check.ours)} ns`, `${Math.round(check.theirs)} ns`],
		['parse the six entries', `${(parse / 1e3).toFixed(1)} µs`, ''],
	]);
}

function counts(): string {
	let cells = 0;
	const characters = new Set<string>(['€']);
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			cells++;
			characters.add(iconv.decode(Buffer.from([lead, trail]), 'gbk'));
		}
	}
	return table('What the tests compare with iconv-lite (test/nodes/gateways/kit/gbk.test.ts)', ['set', 'count'], [
		['double-byte codes decoded, alone and all at once', fmt.int(cells)],
		['GBK characters encoded (€ included)', fmt.int(characters.size)],
		['UTF-16 code units encoded', fmt.int(0x10000)],
		['supplementary code points encoded (one string)', fmt.int(0x100000)],
		['malformed and valid 2-byte inputs decoded (alone, + 0x81, + "A")', fmt.int(3 * 0x10000)],
		['GB2312 cells (682 symbols + 6,763 hanzi)', fmt.int(682 + 6763)],
	]);
}

function main(): void {
	process.stdout.write(`# Codec bench\n\nNode ${process.version} (ICU ${process.versions.icu}), ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
	for (const part of [coldBuild, throughput, xml, addresses, counts]) process.stdout.write(part());
}

main();
