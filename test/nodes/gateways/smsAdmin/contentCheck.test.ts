/** SMSAdmin (通用短信平台) sensitive-word check (seed 001 §6 mgz/) against the simulator and the document's answers. */
import { InputError } from '../../../../nodes/gateways/kit/errors';
import { smsAdmin } from '../../../../nodes/gateways/smsAdmin';
import { parseContentCheck } from '../../../../nodes/gateways/smsAdmin/contentCheck';
import { failure, useSimulator } from '../../../support/simulator';
import { API, type Kind, PWD, ctxFor, only } from './helpers';

const sim = useSimulator();

test.each<Kind>(['plain', 'md5'])('%s credentials: GET mgz/ names the sensitive words', async (kind) => {
	const result = await smsAdmin.checkContent!(ctxFor(sim(), kind), '代开发票');
	const req = only(sim());
	expect(req.path).toBe(`${API}mgz/`);
	expect(req.rawQuery).toBe(`uid=smsuser&pwd=${PWD[kind]}&msg=%B4%FA%BF%AA%B7%A2%C6%B1`);
	expect(result).toEqual({ clean: false, words: ['发票', '代开'], raw: { text: '敏感字:发票;代开;' } });
});

test('clean content', async () => {
	expect(await smsAdmin.checkContent!(ctxFor(sim(), 'plain'), '你好')).toEqual({ clean: true, words: [], raw: { text: '不含敏感字' } });
});

test('the document examples (§6)', () => {
	expect(parseContentCheck('敏感字:敏感字 1;敏感字 2;敏感字 3;')).toEqual({ clean: false, words: ['敏感字 1', '敏感字 2', '敏感字 3'] });
	expect(parseContentCheck('不含敏感字')).toEqual({ clean: true, words: [] });
	expect(parseContentCheck('1 用户名或密码错误!')).toBeNull();
});
