import { normaliseNumber, parseRecipients } from '../../../../nodes/gateways/kit/phone';

describe('parseRecipients', () => {
	it('splits on commas, semicolons, whitespace, newlines and ，；、', () => {
		const text = '13800138000,13800138001;13800138002 13800138003\n13800138004\r\n13800138005\t13800138006，13800138007；13800138008、13800138009　13800138010';
		expect(parseRecipients(text)).toEqual({
			numbers: [
				'13800138000',
				'13800138001',
				'13800138002',
				'13800138003',
				'13800138004',
				'13800138005',
				'13800138006',
				'13800138007',
				'13800138008',
				'13800138009',
				'13800138010',
			],
			invalid: [],
		});
	});

	it('ignores runs of separators and leading/trailing ones', () => {
		expect(parseRecipients(' ,;13800138000,,, ;\n\n13900139000; ')).toEqual({ numbers: ['13800138000', '13900139000'], invalid: [] });
		expect(parseRecipients('')).toEqual({ numbers: [], invalid: [] });
		expect(parseRecipients(' ,;\n')).toEqual({ numbers: [], invalid: [] });
	});

	it('removes +86, 0086 and 86 from 11-digit mobiles, then duplicates (first occurrence order)', () => {
		expect(parseRecipients('+8613800138000,008613900139000,8615000150000,13800138000,13900139000;+8615000150000')).toEqual({
			numbers: ['13800138000', '13900139000', '15000150000'],
			invalid: [],
		});
	});

	it('keeps fixed lines with area code, with or without hyphen, and de-duplicates them', () => {
		expect(parseRecipients('010-12345678,01012345678,0755-8765432,075587654321,0571-88886666')).toEqual({
			numbers: ['01012345678', '07558765432', '075587654321', '057188886666'],
			invalid: [],
		});
	});

	it('does not strip a country code from a fixed line or a non-mobile', () => {
		expect(parseRecipients('+86-10-12345678,8601012345678,+8612345678901')).toEqual({
			numbers: [],
			invalid: ['+86-10-12345678', '8601012345678', '+8612345678901'],
		});
	});

	it('reports invalid entries exactly as typed, in order, beside the valid ones', () => {
		expect(parseRecipients('13800138000,1380013800,abc,12345678901,+1-202-555-0100,1380013800０0,010-1234')).toEqual({
			numbers: ['13800138000'],
			invalid: ['1380013800', 'abc', '12345678901', '+1-202-555-0100', '1380013800０0', '010-1234'],
		});
	});

	it('reads full-width digits and plus signs', () => {
		expect(parseRecipients('１３８００１３８０００；＋８６１３９００１３９０００，０１０－１２３４５６７８')).toEqual({
			numbers: ['13800138000', '13900139000', '01012345678'],
			invalid: [],
		});
	});

	it('keeps a number with brackets or hyphens inside whole', () => {
		expect(parseRecipients('(010)12345678,（0755）87654321,138-0013-8000')).toEqual({
			numbers: ['01012345678', '075587654321', '13800138000'],
			invalid: [],
		});
	});
});

describe('normaliseNumber', () => {
	it.each([
		['13800138000', '13800138000', 'mobile'],
		['19912345678', '19912345678', 'mobile'],
		['+86 13800138000', '13800138000', 'mobile'],
		['0086-138-0013-8000', '13800138000', 'mobile'],
		['010-12345678', '01012345678', 'fixedLine'],
		['0755 8765432', '07558765432', 'fixedLine'],
	] as const)('%j → %s (%s)', (input, number, kind) => {
		expect(normaliseNumber(input)).toEqual({ number, kind });
	});

	it.each(['', '12800138000', '1380013800', '138001380000', '10086', '010-123456', 'abc', '8613800138000x'])('%j → null', (input) => {
		expect(normaliseNumber(input)).toBeNull();
	});
});
