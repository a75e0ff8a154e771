/**
 * The XML reader (nodes/gateways/kit/xmlReader.ts) against fast-xml-parser (a devDependency, the parser
 * the sms10692 adapter used before), configured as the adapter had it, with the adapter's former
 * entity step: equal results on every answer example of seed 004 and on hostile input, or the
 * reader's clear refusal where fast-xml-parser is lenient (each such case named below).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { readXml, XML_MAX_DEPTH, XmlError } from '../../../../nodes/gateways/kit/xmlReader';
import type { XmlElement } from '../../../../nodes/gateways/kit/xmlReader';

/** seed 004: every answer example, as printed (placeholders, annotations and blank lines included). */
const SEED_004_ANSWERS: Record<string, string> = {
	'§1.3 send': `<?xml version="1.0" encoding="utf-8" ?>

<returnsms>

<returnstatus>status</returnstatus> ---------- 返回状态值：成功返回Success 失败返回：Faild

<message>message</message> ---------- 返回信息：见下表
<remainpoint> remainpoint</remainpoint> ---------- 返回余额
<taskID>taskID</taskID>  -----------  返回本次任务的序列ID

<successCounts>successCounts</successCounts> --成功短信数：当成功后返回提交成功短信数
</returnsms>`,
	'§2.3 balance': `<?xml version="1.0" encoding="utf-8" ?>

<returnsms>

<returnstatus>status</returnstatus>-------返回状态值：成功返回Sucess (注意：此处是Sucess，和其它接口返回的Success不同)失败返回：Faild

<message>message</message>--------------返回信息提示：见下表
<payinfo>payinfo</payinfo>--------------返回支付方式  后付费，预付费
<overage>overage</overage>-------------返回余额
<sendTotal>sendTotal</sendTotal>----返回总点数  当支付方式为预付费是返回总充值点数
</returnsms>`,
	'§3.3 keyword check': `<?xml version="1.0" encoding="utf-8" ?>

<returnsms>

<message>message</message>--------------返回信息提示：见下表
</returnsms>`,
	'§4.3 status reports': `<?xml version="1.0" encoding="utf-8" ?> 

<returnsms>

<statusbox>

<mobile>15023239810</mobile>-------------对应的手机号码
<taskid>1212</taskid>-------------同一批任务ID

<status>10</status>---------状态报告----10：发送成功，20：发送失败
<receivetime>2011-12-02 22:12:11</receivetime>-------------接收时间

<errorcode>DELIVRD</errorcode>-上级网关返回值，不同网关返回值不同，仅作为参考

<extno>01</extno>--子号，即自定义扩展号

</statusbox>

<statusbox>

<mobile>15023239811</mobile>

<taskid>1212</taskid>

<status>20</status>

<receivetime>2011-12-02 22:12:11</receivetime>
<errorcode>2</errorcode>
<extno></extno>

</statusbox>

</returnsms>`,
	'§4.4 status report error': `<?xml version="1.0" encoding="utf-8" ?> 

<returnsms>

<errorstatus>

<error>1</error>-------------错误码
<remark>用户名或密码不能为空</remark>-------------错误描述
</errorstatus>

</returnsms>`,
	'§5.3 replies': `<?xml version="1.0" encoding="utf-8" ?> 

<returnsms>

<callbox>

<mobile>15023239810</mobile>-------------对应的手机号码
<taskid>1212</taskid>-------------同一批任务ID

<content>你好，我不需要</content>---------上行内容
<receivetime>2011-12-02 22:12:11</receivetime>-------------接收时间

<extno>01</extno>----子号，即自定义扩展号

</callbox>

<callbox>

<mobile>15023239811</mobile>

<taskid>1212</taskid>

<content>你好，本次活动路线是怎么的</content>

<receivetime>2011-12-02 22:12:11</receivetime>
<extno>01</extno>

</callbox>

</returnsms>`,
	'§5.4 reply error': `<?xml version="1.0" encoding="utf-8" ?> 

<returnsms>

<errorstatus>

<error>1</error>-------------错误码
<remark>用户名或密码不能为空</remark>-------------错误描述
</errorstatus>

</returnsms>`,
};

const fxp = new XMLParser({
	processEntities: false,
	htmlEntities: false,
	parseTagValue: false,
	trimValues: false,
	ignoreAttributes: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
});

/** The adapter's former entity step, applied to every value fast-xml-parser returned. */
function formerEntities(value: string): string {
	const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
	return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (whole, name: string) => {
		if (name[0] !== '#') return named[name];
		const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

/** What the adapter used to read: validated, parsed, every string through the entity step; or null. */
function former(xml: string): unknown {
	if (XMLValidator.validate(xml) !== true) return null;
	let parsed: unknown;
	try {
		parsed = fxp.parse(xml);
	} catch {
		return null;
	}
	const walk = (value: unknown): unknown => {
		if (typeof value === 'string') return formerEntities(value);
		if (Array.isArray(value)) return value.map(walk);
		return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, walk(v)]));
	};
	return walk(parsed);
}

/** The reader's element in fast-xml-parser's shape: text alone as a string, else fields and '#text'. */
function shaped(element: XmlElement): unknown {
	const elements = element.children.filter((c): c is XmlElement => typeof c !== 'string');
	const text = element.children.filter((c): c is string => typeof c === 'string').join('');
	if (elements.length === 0) return text;
	const out: Record<string, unknown> = {};
	const repeated = new Set<string>();
	for (const child of elements) {
		const value = shaped(child);
		const before = out[child.name];
		if (before === undefined) out[child.name] = value;
		else if (Array.isArray(before) && repeated.has(child.name)) before.push(value);
		else {
			out[child.name] = [before, value];
			repeated.add(child.name);
		}
	}
	if (text) out['#text'] = text;
	return out;
}

/** The reader's result in that shape, or null where it refuses. */
function read(xml: string): unknown {
	try {
		const root = readXml(xml);
		return { [root.name]: shaped(root) };
	} catch (error) {
		if (error instanceof XmlError) return null;
		throw error;
	}
}

function refusal(xml: string): string {
	try {
		readXml(xml);
	} catch (error) {
		if (error instanceof XmlError) return error.message;
		throw error;
	}
	throw new Error(`read without complaint: ${xml.slice(0, 80)}`);
}

describe('every answer example of seed 004', () => {
	it.each(Object.entries(SEED_004_ANSWERS))('%s: read as fast-xml-parser read it', (_, xml) => {
		const expected = former(xml);
		expect(expected).not.toBeNull();
		expect(read(xml)).toEqual(expected);
	});

	it('§4.3: the boxes, their fields and the annotations between them', () => {
		const root = readXml(SEED_004_ANSWERS['§4.3 status reports']);
		const boxes = root.children.filter((c): c is XmlElement => typeof c !== 'string');
		expect(boxes.map((b) => b.name)).toEqual(['statusbox', 'statusbox']);
		const fields = (box: XmlElement) =>
			box.children.filter((c): c is XmlElement => typeof c !== 'string').map((f) => [f.name, f.children.join('')]);
		expect(boxes.map(fields)).toEqual([
			[['mobile', '15023239810'], ['taskid', '1212'], ['status', '10'], ['receivetime', '2011-12-02 22:12:11'], ['errorcode', 'DELIVRD'], ['extno', '01']],
			[['mobile', '15023239811'], ['taskid', '1212'], ['status', '20'], ['receivetime', '2011-12-02 22:12:11'], ['errorcode', '2'], ['extno', '']],
		]);
		expect(boxes[0].children[2]).toBe('-------------对应的手机号码\n');
	});

	it('each example cut short at every character: refused by both, with the reader saying where it ends', () => {
		let cuts = 0;
		const disagreements: string[] = [];
		for (const [name, xml] of Object.entries(trimmedAnswers())) {
			for (let end = 1; end < xml.length; end++) {
				const part = xml.slice(0, end);
				cuts++;
				const formerRead = former(part);
				let refused = false;
				try {
					readXml(part);
				} catch (error) {
					refused = error instanceof XmlError;
				}
				if (!refused || formerRead !== null) disagreements.push(`${name} at ${end}`);
			}
		}
		expect(cuts).toBe(Object.values(trimmedAnswers()).reduce((n, xml) => n + xml.length - 1, 0));
		expect(disagreements).toEqual([]);
		const statusReports = SEED_004_ANSWERS['§4.3 status reports'];
		expect(refusal(statusReports.slice(0, statusReports.indexOf('<taskid>')))).toBe(
			`the XML ends before <statusbox> is closed (at character ${statusReports.indexOf('<taskid>')})`,
		);
		expect(refusal('<returnsms><callbox><mobile>1380')).toBe('the XML ends before <mobile> is closed (at character 32)');
		expect(refusal('<returnsms><callbox><mobile>1380</mob')).toBe('the XML ends inside an end tag (at character 32)');
		expect(refusal('<returnsms><callbox><mobi')).toBe('the XML ends inside the tag <mobi> (at character 20)');
	});
});

/** The examples without what follows the root's end tag: a cut after `</returnsms>` is no cut. */
function trimmedAnswers(): Record<string, string> {
	return Object.fromEntries(Object.entries(SEED_004_ANSWERS).map(([k, v]) => [k, v.trimEnd()]));
}

describe('entities', () => {
	const laughs =
		'<?xml version="1.0"?>\n<!DOCTYPE returnsms [\n<!ENTITY lol "lol">\n' +
		Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n') +
		'\n]>\n<returnsms><overage>&lol9;</overage></returnsms>';

	it('a DOCTYPE is refused: fast-xml-parser skips one before the root element (and refuses one inside)', () => {
		expect(XMLValidator.validate(laughs)).toBe(true);
		expect(refusal(laughs)).toBe('a DOCTYPE (refused: no DTD is read and no entity is defined) (at character 22)');
		const inside = '<returnsms><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><callbox><content>&e;</content></callbox></returnsms>';
		expect([former(inside), refusal(inside)]).toEqual([null, 'a DOCTYPE (refused: no DTD is read and no entity is defined) (at character 11)']);
	});

	it('resolves the five predefined entities and character references alike; keeps any other reference as written', () => {
		const xml = '<r><a>&lt;&gt;&amp;&quot;&apos;</a><b>&#20013;&#x4F60;</b><c>&lol9;&amp;lol9;&e;</c><d>&#0;&#x110000;&#1114111;</d></r>';
		expect(read(xml)).toEqual(former(xml));
		expect(read(xml)).toEqual({ r: { a: '<>&"\'', b: '中你', c: '&lol9;&lol9;&e;', d: '&#0;&#x110000;\u{10ffff}' } });
	});

	it('refuses a "&" that starts no reference, as fast-xml-parser does', () => {
		for (const xml of ['<r>a & b</r>', '<r>&amp</r>', '<r>&;</r>', '<r>&#12a;</r>', '<r>&#xZZ;</r>']) {
			expect([XMLValidator.validate(xml) === true, read(xml)]).toEqual([false, null]);
		}
	});

	it('differs on references fast-xml-parser reads differently (each named)', () => {
		// Lenient there, refused here: a character reference without digits.
		for (const xml of ['<r>&#;</r>', '<r>&#x;</r>']) {
			expect(XMLValidator.validate(xml)).toBe(true);
			expect(refusal(xml)).toBe('a malformed character reference (at character 3)');
		}
		// Refused there, read here: entity names XML allows beyond [A-Za-z0-9_]{1,20} (kept as written).
		for (const [xml, text] of [
			['<r>&a-b;</r>', '&a-b;'],
			['<r>&中文;</r>', '&中文;'],
			[`<r>&${'x'.repeat(21)};</r>`, `&${'x'.repeat(21)};`],
		]) {
			expect(XMLValidator.validate(xml)).not.toBe(true);
			expect(read(xml)).toEqual({ r: text });
		}
	});
});

describe('CDATA', () => {
	it('is text, kept as written: the adapter used to resolve references inside it a second time', () => {
		const xml = '<r><content>a<![CDATA[ &amp; <b>x</b> ]]>b</content></r>';
		expect(fxp.parse(xml)).toEqual({ r: { content: 'a &amp; <b>x</b> b' } });
		expect(read(xml)).toEqual({ r: { content: 'a &amp; <b>x</b> b' } });
		expect(former(xml)).toEqual({ r: { content: 'a & <b>x</b> b' } });
	});

	it('unterminated, or outside the root element: refused', () => {
		expect([former('<r><![CDATA[abc</r>'), refusal('<r><![CDATA[abc</r>')]).toEqual([null, 'the XML ends inside a CDATA section (at character 3)']);
		expect(refusal('<![CDATA[x]]><r/>')).toBe('CDATA outside the root element (at character 0)');
	});
});

describe('nesting', () => {
	const nested = (depth: number) => `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`;

	it(`reads ${XML_MAX_DEPTH} levels as fast-xml-parser does`, () => {
		expect(read(nested(XML_MAX_DEPTH))).toEqual(former(nested(XML_MAX_DEPTH)));
		expect(JSON.stringify(read(nested(XML_MAX_DEPTH)))).toContain('"a":"x"');
	});

	it('refuses deeper nesting with a clear error: 101 levels, and 100,000 without exhausting the stack', () => {
		expect(refusal(nested(XML_MAX_DEPTH + 1))).toBe(`elements nested deeper than ${XML_MAX_DEPTH} (at character ${3 * XML_MAX_DEPTH})`);
		expect(refusal(nested(100_000))).toBe(`elements nested deeper than ${XML_MAX_DEPTH} (at character ${3 * XML_MAX_DEPTH})`);
		// fast-xml-parser validates it and refuses it only while parsing.
		expect(XMLValidator.validate(nested(100_000))).toBe(true);
		expect(former(nested(100_000))).toBeNull();
	});
});

describe('a 5 MB answer', () => {
	it('of 25,000 status boxes: read as fast-xml-parser reads it', () => {
		const box = (i: number) =>
			`<statusbox>\n<mobile>138${String(i).padStart(8, '0')}</mobile>\n<taskid>${i}</taskid>\n<status>${i % 3 ? 10 : 20}</status>\n<receivetime>2026-11-20 10:00:00</receivetime>\n<errorcode>DELIVRD &amp; 成功</errorcode>\n<extno>0${i % 10}</extno>\n</statusbox>\n`;
		const xml = `<?xml version="1.0" encoding="utf-8" ?>\n<returnsms>\n${Array.from({ length: 25_000 }, (_, i) => box(i)).join('')}</returnsms>`;
		expect(xml.length).toBeGreaterThan(5_000_000);
		const ours = read(xml) as { returnsms: { statusbox: Array<Record<string, string>> } };
		expect(JSON.stringify(ours)).toBe(JSON.stringify(former(xml)));
		expect(ours.returnsms.statusbox).toHaveLength(25_000);
		expect(ours.returnsms.statusbox[24_999]).toEqual({
			'#text': '\n'.repeat(7),
			mobile: '13800024999',
			taskid: '24999',
			status: '20',
			receivetime: '2026-11-20 10:00:00',
			errorcode: 'DELIVRD & 成功',
			extno: '09',
		});
	});

	it('of blank space, of references, of attributes: read in one pass (no pattern that backtracks)', () => {
		expect(readXml(`<r>${' '.repeat(5_000_000)}</r>`).children[0]).toHaveLength(5_000_000);
		expect(readXml(`<r>${'&amp;'.repeat(1_000_000)}</r>`).children[0]).toHaveLength(1_000_000);
		expect(readXml(`<r ${Array.from({ length: 100_000 }, (_, i) => `a${i}="${i}"`).join(' ')}/>`).attributes).toHaveLength(100_000);
		expect(refusal(`<r>${'<'.repeat(5_000_000)}`)).toBe('a "<" that starts no tag (at character 3)');
	});
});

describe('well-formedness', () => {
	it('reads what both read alike: declaration, comments, processing instructions, attributes, empty elements, line ends', () => {
		for (const xml of [
			'<?xml version="1.0" encoding="gb2312"?>\n<!-- c --><returnsms a="1" b=\'&lt;\'><?pi x?><x/><y></y><z >1</z ></returnsms>\n<!-- after -->\n',
			'<r>\r\n<a>1\r2\r\n3</a>\n<a>2</a></r>',
			'<r><!----><a>x</a></r>',
			'<中文><字段>值</字段></中文>',
		]) {
			expect(read(xml)).toEqual(former(xml));
		}
		// A byte order mark before the document is skipped (fast-xml-parser's parser keeps it as text).
		expect(read('\ufeff<r>1</r>')).toEqual({ r: '1' });
		expect(readXml('<r a="1" b=\'&lt;\'/>').attributes).toEqual([
			['a', '1'],
			['b', '<'],
		]);
	});

	it('refuses what both refuse', () => {
		for (const xml of ['', '   ', 'Hello', '<r>', '<r></s>', '</r>', '<r><a></r></a>', '<1r/>', '<r a="1" a="2"/>', '<r a=1/>', '<r a/>', '<r a="1"b="2"/>', 'x<r/>', '< r/>', '<r>&#X41;</r>']) {
			expect([xml, XMLValidator.validate(xml) === true, read(xml)]).toEqual([xml, false, null]);
		}
	});

	it('refuses what fast-xml-parser lets through (each named)', () => {
		const lenient: Array<[string, string]> = [
			['<r></r><s/>', 'a second root element (at character 7)'],
			['<r/>x', 'text outside the root element (at character 4)'],
			['<r>]]></r>', '"]]>" in text (at character 3)'],
			['<r><!-- a -- b --></r>', '"--" inside a comment (at character 3)'],
			['<r a="<"/>', '"<" in the attribute a (at character 6)'],
			['<r><?xml version="1.0"?></r>', 'an XML declaration that is not at the start (at character 3)'],
			['<r><!>x</r>', '"<!" that starts no comment or CDATA section (at character 3)'],
		];
		for (const [xml, message] of lenient) {
			expect([xml, XMLValidator.validate(xml)]).toEqual([xml, true]);
			expect([xml, refusal(xml)]).toEqual([xml, message]);
		}
	});
});
