/**
 * China SMS (中国短信) error codes, seed 000 附录三 "接口常见错误" (`errid` in every answer since
 * 2005-6-3). The Chinese text is the document's own; the gateway sends it in `err`.
 */
import type { CodeTable } from '../kit/gatewayCall';

export const CHINA_SMS_ERRORS: CodeTable = {
	'6001': { reason: 'the account is not valid (unknown or disabled user name)', vendorText: '该企业用户无效' },
	'6005': { reason: 'the message contains characters the gateway does not allow', vendorText: '发送内容中含非法字符' },
	'6008': { reason: 'the mobile number is not valid', vendorText: '无效的手机号码' },
	'6009': { reason: 'the number is on the blacklist', vendorText: '手机号码是黑名单' },
	'6010': { reason: 'the user name or password is wrong', vendorText: '企业用户验证失败' },
	'6012': { reason: 'the account accepts requests only from its registered IP addresses', vendorText: '该企业用户设置了ip限制' },
	'6013': { reason: 'the account balance is too low', vendorText: '该企业用户余额不足' },
	'6014': { reason: 'the message is empty', vendorText: '发送短信内容不能为空!' },
	'6015': {
		reason: 'the message is longer than the gateway allows (60 characters, 40 to 小灵通/PHS numbers)',
		vendorText: '短信内容超过了最大长度限制',
	},
	'6016': { reason: 'the password must be longer than 4 characters', vendorText: '企业密码必须大于4个字符' },
	'6017': { reason: 'the gateway could not read the account balance', vendorText: '查询企业用户余额失败' },
	// seed 000 §3: getfee answers id=-9999 when it fails (possibly without errid).
	'-9999': { reason: 'the gateway could not read the account balance', vendorText: '获取余额失败' },
};

/** Codes that refuse one number, not the whole request: reported per recipient. */
export const CHINA_SMS_PER_NUMBER_CODES = new Set(['6008', '6009']);
