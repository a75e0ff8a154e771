/**
 * 112088 Enterprise SMS (企业短信通) answer codes, seed 002. The same number means different things
 * at different endpoints (-1 is "no target number" at send, "no such user" at the fetches; -3 is a
 * forbidden word at send, "system busy" at the fetches), so there is one table per endpoint.
 * `vendorText` is the document's own Chinese meaning: the gateway answers only the bare code.
 */
import type { CodeTable } from '../kit/gatewayCall';

/** seed 002 §1.1.1 sendsms_txt.asp (0 = accepted). */
export const SMS112088_SEND_ERRORS: CodeTable = {
	'-1': { reason: 'no recipient number was given', vendorText: '缺少接收的目标号码' },
	'-2': { reason: 'the message is empty', vendorText: '缺少短信内容' },
	'-3': { reason: 'the message contains a forbidden word', vendorText: '短信内容非法，含有禁发关键词' },
	'-4': { reason: 'more than 100 numbers in one request', vendorText: '每次请求条数大于最大允许条数 100 条' },
	'-7': { reason: 'the user name or password is wrong', vendorText: '用户登入信息验证失败(一般为密码错误)' },
	'-8': { reason: 'the message is longer than 335 characters', vendorText: '短信内容长度超过规定最大字符长度 335 个字符' },
	'-9': { reason: 'the balance is too low for the messages of this request', vendorText: '帐户当前余额不足发送本次请求的条数' },
	'-10': { reason: 'the account is locked', vendorText: '帐号已被锁定' },
	'-99': { reason: 'the gateway is busy and did not take the request', vendorText: '系统忙，无法受理此次请求' },
};

/** seed 002 §1.1.2 get_report_txt.asp and §1.1.3 get_receive_message_txt.asp (0 = nothing pending). */
export const SMS112088_FETCH_ERRORS: CodeTable = {
	'-1': { reason: 'the user does not exist', vendorText: '用户不存在' },
	'-3': { reason: 'the gateway is busy; try again later', vendorText: '系统忙，请稍候再试' },
	'-7': { reason: 'the user name or password is wrong', vendorText: '帐号登录验证失败' },
};

/** seed 002 §1.1.4 Get_Account_Balance.asp (0 = a zero balance, not an error). */
export const SMS112088_BALANCE_ERRORS: CodeTable = {
	'-1': { reason: 'the account does not exist', vendorText: '帐户不存在' },
	'-7': { reason: 'the user name or password is wrong', vendorText: '用户登入信息验证失败' },
};
