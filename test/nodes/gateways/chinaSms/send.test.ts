/** China SMS (中国短信) sending (seed 000 §1 ssend.asp, §2 gsend.asp) against the simulator: exact requests and outputs. */
import { CHINA_SMS_PATHS, chinaSms } from '../../../../nodes/gateways/chinaSms';
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { CHINA_SMS_SIM } from '../../../simulator/vendors/chinaSms';
import { failure, useSimulator } from '../../../support/simulator';
import { AUTH, NAME, NI_HAO, ctx, only, vendor } from './helpers';

const sim = useSimulator();

describe('send', () => {
	it('sends to one number through ssend.asp and returns its message id', async () => {
		const outcome = await chinaSms.send!(ctx(sim()), { recipients: ['13800000001'], message: '你好' });
		const req = only(sim());
		expect([req.method, req.path, req.rawQuery]).toEqual(['GET', '/send/ssend.asp', `${AUTH}&dst=13800000001&msg=${NI_HAO}`]);
		expect(outcome).toEqual({
			recipients: [{ recipient: '13800000001', success: true, messageId: '1234' }],
			messageIds: ['1234'],
			raw: { id: '1234', err: '', errid: '0' },
		});
		expect(sim().sent('chinaSms').map((m) => [m.mobile, m.message, m.messageId])).toEqual([['13800000001', '你好', '1234']]);
	});

	it('passes extno as sender', async () => {
		await chinaSms.send!(ctx(sim()), { recipients: ['13800000001'], message: 'hi', extno: '00' });
		expect(only(sim()).rawQuery).toBe(`${AUTH}&dst=13800000001&msg=hi&sender=00`);
		expect(sim().sent('chinaSms')[0].extno).toBe('00');
	});

	it('sends to several numbers through gsend.asp, reading the spaced success list', async () => {
		const outcome = await chinaSms.send!(ctx(sim()), { recipients: ['13800000001', '13800000002'], message: '你好' });
		const req = only(sim());
		expect([req.path, req.rawQuery]).toEqual(['/send/gsend.asp', `${AUTH}&dst=13800000001%2C13800000002&msg=${NI_HAO}`]);
		expect(req.response.toString('latin1')).toContain('& success =13800000001,13800000002& faile =&');
		expect(outcome).toEqual({
			recipients: [
				{ recipient: '13800000001', success: true, messageId: null },
				{ recipient: '13800000002', success: true, messageId: null },
			],
			messageIds: [],
			raw: { num: '2', success: '13800000001,13800000002', faile: '', err: '发送成功', errid: '0' },
		});
	});

	it('schedules through gsend.asp even for one number, with time as YYYYMMDDHHMM China time', async () => {
		await chinaSms.send!(ctx(sim()), { recipients: ['13800000001'], message: 'hi', sendAt: new Date('2030-05-24T09:13:45Z'), extno: '7' });
		const req = only(sim());
		expect([req.path, req.rawQuery]).toEqual(['/send/gsend.asp', `${AUTH}&dst=13800000001&msg=hi&time=203005241713&sender=7`]);
		expect(sim().sent('chinaSms')[0].sendAt).toBe('2030-05-24 17:13:00');
	});

	it('reports a refused number of a group per recipient (faile list, code 6009)', async () => {
		const outcome = await chinaSms.send!(ctx(sim()), { recipients: ['13800000001', CHINA_SMS_SIM.blacklisted], message: 'hi' });
		expect(outcome.recipients).toEqual([
			{ recipient: '13800000001', success: true, messageId: null },
			{ recipient: CHINA_SMS_SIM.blacklisted, success: false, messageId: null, error: `${NAME}: the number is on the blacklist (code 6009)` },
		]);
		expect(outcome.raw).toEqual({ num: '1', success: '13800000001', faile: CHINA_SMS_SIM.blacklisted, err: '手机号码是黑名单', errid: '6009' });
	});

	it('encodes in UTF-8 when the credential says so', async () => {
		await chinaSms.send!(ctx(sim(), { charset: 'utf8' }), { recipients: ['13800000001'], message: '你好' });
		expect(only(sim()).rawQuery).toBe(`${AUTH}&dst=13800000001&msg=%E4%BD%A0%E5%A5%BD`);
		expect(chinaSms.charset({ charset: 'utf8' })).toBe('utf8');
		expect(chinaSms.charset({})).toBe('gbk');
	});

	it('parses the ssend example verbatim (`id=1234&err=  `)', async () => {
		vendor(sim()).answerNext(CHINA_SMS_PATHS.single, 'id=1234&err=  ');
		const outcome = await chinaSms.send!(ctx(sim()), { recipients: ['13937100004'], message: '你好吗' });
		expect(outcome).toEqual({
			recipients: [{ recipient: '13937100004', success: true, messageId: '1234' }],
			messageIds: ['1234'],
			raw: { id: '1234', err: '' },
		});
	});

	it('parses the gsend example verbatim, masked numbers and stray spaces included', async () => {
		vendor(sim()).answerNext(CHINA_SMS_PATHS.group, 'num=2& success =1393710***4,1393710***5& faile =&err=发送成功&errid=0');
		const outcome = await chinaSms.send!(ctx(sim()), { recipients: ['13937100004', '13937100005'], message: '你好吗' });
		expect(outcome.recipients).toEqual([
			{ recipient: '13937100004', success: true, messageId: null },
			{ recipient: '13937100005', success: true, messageId: null },
		]);
		expect(outcome.raw).toEqual({ num: '2', success: '1393710***4,1393710***5', faile: '', err: '发送成功', errid: '0' });
	});

	it('counts by num when the lists do not name the numbers', async () => {
		vendor(sim()).answerNext(CHINA_SMS_PATHS.group, 'num=1&success=&faile=13800000002&err=&errid=0');
		const outcome = await chinaSms.send!(ctx(sim()), { recipients: ['13800000001', '13800000002'], message: 'hi' });
		expect(outcome.recipients.map((r) => [r.recipient, r.success, r.error])).toEqual([
			['13800000001', true, undefined],
			['13800000002', false, `${NAME}: the gateway did not accept this number`],
		]);
	});

	it('turns an HTML page into an unexpected-response error quoting it', async () => {
		sim().fault('chinaSms', { type: 'htmlError' });
		const error = await failure(chinaSms.send!(ctx(sim()), { recipients: ['13800000001'], message: 'hi' }), TransportError);
		expect([error.failure, error.mayHaveReached]).toEqual(['unexpected', true]);
		expect(error.message).toMatch(/^China SMS \(中国短信\): unexpected response to send: "<!DOCTYPE html>/);
	});
});

describe('numbers the gateway refuses one by one', () => {
	it.each([
		['6008', '1380000', 'the mobile number is not valid'],
		['6009', CHINA_SMS_SIM.blacklisted, 'the number is on the blacklist'],
	])('code %s refuses the one number, not the request', async (code, number, reason) => {
		const outcome = await chinaSms.send!(ctx(sim()), { recipients: [number], message: 'hi' });
		expect(outcome.recipients).toEqual([{ recipient: number, success: false, messageId: null, error: `${NAME}: ${reason} (code ${code})` }]);
		expect(outcome.messageIds).toEqual([]);
	});
});

describe('sendProblems and requestClass: what only China SMS refuses or plans apart, before anything is sent', () => {
	it('puts 小灵通 (PHS) numbers in a request class of their own: the planner never mixes them with mobiles', () => {
		expect(['01012345678', '13800000001', '075512345678'].map((n) => chinaSms.requestClass!(n))).toEqual(['phs', 'mobile', 'phs']);
	});

	it('refuses a message over 40 characters to a PHS number before sending; 60 to mobiles', () => {
		expect(chinaSms.sendProblems!({ message: 'x'.repeat(41) }, ['13800000001', '01012345678'])).toEqual([
			`${NAME}: a message to 小灵通 (PHS, fixed-line) numbers may have at most 40 characters; this one has 41 (01012345678)`,
		]);
		expect(chinaSms.sendProblems!({ message: 'x'.repeat(41) }, ['13800000001'])).toEqual([]);
		expect(chinaSms.sendProblems!({ message: 'x'.repeat(40) }, ['01012345678'])).toEqual([]);
	});

	it('checks extno (sender): digits only, at most 8', () => {
		expect(chinaSms.sendProblems!({ message: 'hi', extno: '12345678' }, ['13800000001'])).toEqual([]);
		expect(chinaSms.sendProblems!({ message: 'hi', extno: '123456789' }, ['13800000001'])).toEqual(['Extension Number (sender) "123456789" must have at most 8 digits']);
		expect(chinaSms.sendProblems!({ message: 'hi', extno: '12a' }, ['13800000001'])).toEqual(['Extension Number (sender) "12a" must be digits only']);
	});
});
