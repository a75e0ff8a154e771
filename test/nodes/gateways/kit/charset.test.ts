import {
	carriesWholeText,
	charsetFromLabel,
	decodeBytes,
	decodePairs,
	describeCharacters,
	encodePairs,
	encodeText,
	percentDecode,
	percentEncode,
	unencodableByCharacter,
	unencodableCharacters,
} from '../../../../nodes/gateways/kit/charset';

const hex = (b: Buffer) => b.toString('hex').toUpperCase();

describe('percentEncode', () => {
	it.each([
		['你好', '%C4%E3%BA%C3', '%E4%BD%A0%E5%A5%BD'],
		['【】，；', '%A1%BE%A1%BF%A3%AC%A3%BB', '%E3%80%90%E3%80%91%EF%BC%8C%EF%BC%9B'],
		// Full-width letters, digits and the ideographic space.
		['ＡＢＣ１２３　', '%A3%C1%A3%C2%A3%C3%A3%B1%A3%B2%A3%B3%A1%A1', '%EF%BC%A1%EF%BC%A2%EF%BC%A3%EF%BC%91%EF%BC%92%EF%BC%93%E3%80%80'],
		['测试【公司】', '%B2%E2%CA%D4%A1%BE%B9%AB%CB%BE%A1%BF', '%E6%B5%8B%E8%AF%95%E3%80%90%E5%85%AC%E5%8F%B8%E3%80%91'],
		// Space is %20 (never +); & = + % and newline are escaped; unreserved ASCII stays.
		['a b&c=d+e%f\ng', 'a%20b%26c%3Dd%2Be%25f%0Ag', 'a%20b%26c%3Dd%2Be%25f%0Ag'],
		['中文~_.-*', '%D6%D0%CE%C4~_.-%2A', '%E4%B8%AD%E6%96%87~_.-%2A'],
		['\r\n\t', '%0D%0A%09', '%0D%0A%09'],
	])('%j → GBK %s, UTF-8 %s', (text, gbk, utf8) => {
		expect(percentEncode(text, 'gbk')).toBe(gbk);
		expect(percentEncode(text, 'gb2312')).toBe(gbk);
		expect(percentEncode(text, 'utf8')).toBe(utf8);
	});

	it('keeps an ASCII trail byte of a GBK pair literal (镕 = E9 46 → %E9F)', () => {
		expect(hex(encodeText('镕', 'gbk'))).toBe('E946');
		expect(percentEncode('镕', 'gbk')).toBe('%E9F');
		expect(percentDecode('%E9F', 'gbk')).toBe('镕');
	});

	it('encodes the euro sign as the single CP936 byte 0x80', () => {
		expect(percentEncode('€', 'gbk')).toBe('%80');
	});
});

describe('encodePairs', () => {
	it('joins ordered pairs, keys and values escaped in the charset', () => {
		const pairs: Array<[string, string]> = [
			['name', 'company'],
			['msg', '你好 a&b=c'],
			['dst', '13800138000,13900139000'],
			['empty', ''],
		];
		expect(encodePairs(pairs, 'gbk')).toBe('name=company&msg=%C4%E3%BA%C3%20a%26b%3Dc&dst=13800138000%2C13900139000&empty=');
		expect(encodePairs(pairs, 'utf8')).toBe(
			'name=company&msg=%E4%BD%A0%E5%A5%BD%20a%26b%3Dc&dst=13800138000%2C13900139000&empty=',
		);
		expect(encodePairs([], 'utf8')).toBe('');
	});
});

describe('encodeText / decodeBytes', () => {
	it('encodes to the exact bytes of each charset', () => {
		expect(hex(encodeText('你好', 'gbk'))).toBe('C4E3BAC3');
		expect(hex(encodeText('你好', 'gb2312'))).toBe('C4E3BAC3');
		expect(hex(encodeText('你好', 'utf8'))).toBe('E4BDA0E5A5BD');
	});

	it.each([
		['gbk', 'C4E3BAC3A3AC4F4B', '你好，OK'],
		['gb2312', 'C4E3BAC3A3AC4F4B', '你好，OK'],
		['utf8', 'E4BDA0E5A5BDEFBC8C4F4B', '你好，OK'],
		// 镕 and 喆 exist only in GBK; decoding a GB2312-labelled answer with GBK still reads them.
		['gb2312', 'E94686B4', '镕喆'],
	] as const)('decodes %s bytes %s', (charset, bytes, text) => {
		expect(decodeBytes(Buffer.from(bytes, 'hex'), charset)).toBe(text);
	});

	it('drops a leading UTF-8 byte order mark and keeps the rest byte for byte', () => {
		const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0"?><a>中</a>', 'utf8')]);
		expect(decodeBytes(body, 'utf8')).toBe('<?xml version="1.0"?><a>中</a>');
		expect(decodeBytes(Buffer.from('a\ufeffb', 'utf8'), 'utf8')).toBe('a\ufeffb');
	});

	it('maps the GB2312 spellings of cells A1A4 and A1AA to the same bytes as GBK', () => {
		expect(hex(encodeText('・―', 'gb2312'))).toBe('A1A4A1AA');
		expect(hex(encodeText('·—', 'gbk'))).toBe('A1A4A1AA');
	});
});

describe('percentDecode / decodePairs', () => {
	it('decodes escapes as bytes of the charset; + is a space', () => {
		expect(percentDecode('%C4%E3%BA%C3', 'gbk')).toBe('你好');
		expect(percentDecode('%c4%e3%ba%c3', 'gb2312')).toBe('你好');
		expect(percentDecode('%E4%BD%A0%E5%A5%BD', 'utf8')).toBe('你好');
		expect(percentDecode('a+b%20c%2Bd', 'utf8')).toBe('a b c+d');
	});

	it('leaves malformed escapes literal', () => {
		expect(percentDecode('100%', 'utf8')).toBe('100%');
		expect(percentDecode('%ZZ%4', 'gbk')).toBe('%ZZ%4');
		expect(percentDecode('%%41', 'utf8')).toBe('%A');
	});

	it('keeps raw characters of a text string whatever the charset', () => {
		expect(percentDecode('中文%C4%E3', 'gbk')).toBe('中文你');
		expect(percentDecode('中文', 'gb2312')).toBe('中文');
		expect(percentDecode('中文%E4%BD%A0', 'utf8')).toBe('中文你');
		expect(percentDecode('😀·%C4%E3', 'gbk')).toBe('?·你');
		expect(percentDecode('😀·', 'utf8')).toBe('😀·');
	});

	it('reads a byte string (latin1 of raw bytes) as bytes of the charset', () => {
		const gbkBody = Buffer.concat([Buffer.from('msg='), Buffer.from('C4E3BAC3', 'hex'), Buffer.from('&a=1')]);
		expect(decodePairs(gbkBody.toString('latin1'), 'gbk')).toEqual([
			['msg', '你好'],
			['a', '1'],
		]);
		expect(decodePairs(gbkBody, 'gbk')).toEqual([
			['msg', '你好'],
			['a', '1'],
		]);
		const utf8Body = Buffer.from('msg=你好', 'utf8');
		expect(percentDecode(utf8Body.toString('latin1'), 'utf8')).toBe('msg=你好');
		expect(percentDecode(utf8Body, 'utf8')).toBe('msg=你好');
	});

	it('splits pairs, keeps every pair in order, empty values and keys without =', () => {
		expect(decodePairs('a=1&b=&c&&a=2&d=x=y', 'utf8')).toEqual([
			['a', '1'],
			['b', ''],
			['c', ''],
			['a', '2'],
			['d', 'x=y'],
		]);
		expect(decodePairs('', 'gbk')).toEqual([]);
		// The escaped & and = stay inside the value.
		expect(decodePairs('msg=a%26b%3Dc', 'gbk')).toEqual([['msg', 'a&b=c']]);
	});

	it.each(['gbk', 'gb2312', 'utf8'] as const)('round-trips encodePairs → decodePairs in %s', (charset) => {
		const pairs: Array<[string, string]> = [
			['msg', '你好，世界【签名】 a+b&c=d%e\n第二行'],
			['dst', '13800138000;13900139000'],
			['空', ''],
		];
		expect(decodePairs(encodePairs(pairs, charset), charset)).toEqual(pairs);
		expect(decodePairs(Buffer.from(encodePairs(pairs, charset), 'latin1'), charset)).toEqual(pairs);
		for (const [, v] of pairs) expect(percentDecode(percentEncode(v, charset), charset)).toBe(v);
	});
});

describe('unencodableCharacters', () => {
	it('finds emoji in GBK and GB2312, each once, in order', () => {
		expect(unencodableCharacters('你好😀a😀👍', 'gbk')).toEqual(['😀', '👍']);
		expect(unencodableCharacters('你好😀a😀👍', 'gb2312')).toEqual(['😀', '👍']);
		expect(describeCharacters(unencodableCharacters('你好😀a😀👍', 'gbk'))).toBe('"😀" (U+1F600), "👍" (U+1F44D)');
	});

	it('accepts plain Chinese text, signatures, full-width punctuation and ASCII everywhere', () => {
		const text = '【公司】您的验证码是１２３４，请勿泄露；谢谢。A-z 0~9 !@#$%^&*()';
		for (const charset of ['gbk', 'gb2312', 'utf8'] as const) expect(unencodableCharacters(text, charset)).toEqual([]);
	});

	it.each([
		// character, in GBK?, in GB2312?  (checked against Python's gbk/gb2312 codecs)
		['镕', true, false], // GBK E946: trail byte below A1
		['喆', true, false], // GBK 86B4
		['堃', true, false], // GBK 88D2
		['€', true, false], // CP936 single byte 0x80
		['ⅰ', true, false], // GBK A2A1: an empty GB2312 cell
		['︵', true, false], // GBK A6E0 (vertical form): an empty GB2312 cell
		['\ue000', true, false], // user-defined area, GBK AAA1
		['啊', true, true], // B0A1, first hanzi
		['座', true, true], // D7F9, last level-1 hanzi
		['齄', true, true], // F7FE, last cell
		['①', true, true], // A2D9
		['ぁ', true, true], // A4A1
		['╋', true, true], // A9EF, last box-drawing cell
		['ㄅ', true, true], // A8C5
		['·', true, true], // A1A4 (GBK spelling)
		['・', true, true], // A1A4 (GB2312 spelling)
		['―', true, true], // A1AA (GB2312 spelling)
		['é', true, true], // A8A6 (pinyin)
		['😀', false, false],
		['한', false, false], // Hangul
		['\u0e01', false, false], // Thai
	])('%s: GBK %s, GB2312 %s', (ch, inGbk, inGb2312) => {
		expect(unencodableCharacters(ch, 'gbk')).toEqual(inGbk ? [] : [ch]);
		expect(unencodableCharacters(ch, 'gb2312')).toEqual(inGb2312 ? [] : [ch]);
	});

	it('names characters with their U+ code', () => {
		expect(describeCharacters(['镕'])).toBe('"镕" (U+9555)');
		expect(describeCharacters(['€', '\ue000'])).toBe('"€" (U+20AC), "\ue000" (U+E000)');
		expect(describeCharacters([])).toBe('');
	});

	it('lets UTF-8 carry everything but lone surrogates', () => {
		expect(unencodableCharacters('😀镕€한\u0e01\ue000\u{10ffff}', 'utf8')).toEqual([]);
		expect(unencodableCharacters('a\ud800b\udfffc😀', 'utf8')).toEqual(['\ud800', '\udfff']);
		expect(describeCharacters(['\ud800'])).toBe('"\ud800" (U+D800)');
	});

	it('refuses lone surrogates in GBK too', () => {
		expect(unencodableCharacters('a\ud83d', 'gbk')).toEqual(['\ud83d']);
	});
});

describe('charsetFromLabel', () => {
	it.each([
		['UTF-8', 'utf8'],
		['utf8', 'utf8'],
		['"utf-8"', 'utf8'],
		['GBK', 'gbk'],
		['cp936', 'gbk'],
		['GB18030', 'gbk'],
		['gb2312', 'gb2312'],
		['GB_2312-80', 'gb2312'],
		['EUC-CN', 'gb2312'],
		[' gb2312 ', 'gb2312'],
		['iso-8859-1', null],
		['', null],
		[null, null],
		[undefined, null],
	])('%j → %j', (label, charset) => {
		expect(charsetFromLabel(label)).toBe(charset);
	});
});

/**
 * The whole-text fast path of unencodableCharacters against the character-by-character check,
 * for every code point U+0080–U+2FFFF (lone surrogates included): each alone, and all of them
 * inside Chinese text, 32 at a time (a chunk with one refused character must fall through).
 */
describe('unencodableCharacters fast path agrees with the per-character check', () => {
	const codePoints: number[] = [];
	for (let cp = 0x80; cp <= 0x2ffff; cp++) codePoints.push(cp);

	it.each(['gbk', 'gb2312'] as const)('%s: every code point alone and inside text', (charset) => {
		const mismatches: string[] = [];
		const carriedNotFast: string[] = [];
		for (const cp of codePoints) {
			const ch = String.fromCodePoint(cp);
			const expected = unencodableByCharacter(ch, charset);
			if (unencodableCharacters(ch, charset).join() !== expected.join()) mismatches.push(`U+${cp.toString(16)}`);
			if (expected.length === 0 && !carriesWholeText(ch, charset)) carriedNotFast.push(ch);
		}
		for (let start = 0; start < codePoints.length; start += 32) {
			const text = `短信${codePoints.slice(start, start + 32).map((cp) => `${String.fromCodePoint(cp)}a`).join('')}。`;
			if (unencodableCharacters(text, charset).join() !== unencodableByCharacter(text, charset).join()) {
				mismatches.push(`chunk from U+${codePoints[start].toString(16)}`);
			}
		}
		expect(mismatches).toEqual([]);
		// The fast path answers for every character the charset carries as a two-byte pair: only
		// GBK's one-byte € (0x80) is left to the per-character check.
		expect(carriedNotFast).toEqual(charset === 'gbk' ? ['€'] : []);
	});
});
