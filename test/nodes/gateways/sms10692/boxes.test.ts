/** SMS10692's query answers (seed 004 §4.4, §5.4): refusals and nothing pending, for both queries. */
import { GatewayError } from '../../../../nodes/gateways/kit/errors';
import { sms10692 } from '../../../../nodes/gateways/sms10692';
import { SMS10692_QUERY_ERRORS } from '../../../../nodes/gateways/sms10692/errors';
import { failure } from '../../../support/simulator';
import { NAME, stubCtx } from './helpers';

const queries = [sms10692.fetchReports!, sms10692.fetchReplies!];

it('§4.4 / §5.4 errorstatus, as the document prints it', async () => {
	const errorExample = `<?xml version="1.0" encoding="utf-8" ?> 

<returnsms>

<errorstatus>

<error>1</error>-------------错误码
<remark>用户名或密码不能为空</remark>-------------错误描述
</errorstatus>

</returnsms>`;
	for (const fetch of queries) {
		const error = await failure(fetch(stubCtx(errorExample)), GatewayError);
		expect([error.message, error.vendorMessage]).toEqual([`${NAME}: ${SMS10692_QUERY_ERRORS['1'].reason} (code 1)`, '用户名或密码不能为空']);
	}
});

it('an undocumented error code: the remark kept, the query refused', async () => {
	for (const code of ['9', 'constructor']) {
		const error = await failure(queries[0](stubCtx(`<returnsms><errorstatus><error>${code}</error><remark>维护中</remark></errorstatus></returnsms>`)), GatewayError);
		expect([error.message, error.vendorMessage]).toEqual([`${NAME}: the gateway refused the query (code ${code})`, '维护中']);
	}
});

it('a send-style Faild answer to a query is a refusal too', async () => {
	const error = await failure(queries[1](stubCtx('<returnsms><returnstatus>Faild</returnstatus><message>用户名或密码错误</message></returnsms>')), GatewayError);
	expect(error.code).toBe('badLogin');
});

it('nothing pending: <returnsms/> and an empty <returnsms></returnsms>', async () => {
	for (const body of ['<?xml version="1.0" encoding="utf-8" ?>\n<returnsms/>', '<?xml version="1.0" encoding="utf-8" ?> \n\n<returnsms>\n\n</returnsms>']) {
		for (const fetch of queries) expect(await fetch(stubCtx(body))).toEqual({ events: [], more: false });
	}
});
