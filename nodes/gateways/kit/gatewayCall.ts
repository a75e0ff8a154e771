/**
 * What every adapter's calls share, written once (easy-sms's gateway base class, as an object):
 * the credential fields a call cannot go without, the base URL with the gateway's default, the text
 * of an answer with the charset mismatch suspected in it, a refusal from the vendor's code table,
 * and an answer the adapter does not recognise. Each adapter makes one `GatewayCall` and reads its
 * answers itself: their formats are all the vendors have in common that is not shared.
 */
import type { GatewayContext } from './adapter';
import type { CharsetMismatch } from './model';
import { text } from './credentialValues';
import { GatewayError, InputError, unexpectedResponse } from './errors';
import type { TransportError } from './errors';
import type { GatewayCredentials } from './model';
import type { TransportRequest, TransportResponse } from './transport';

/** One code of a vendor's table: our reason in plain English, and the document's own text for it. */
export interface VendorCode {
	reason: string;
	vendorText: string;
}

export type CodeTable = Readonly<Record<string, VendorCode>>;

/** An answer's text as the adapter reads it, and the charset mismatch suspected in its bytes. */
export interface Answer {
	body: string;
	mismatch: CharsetMismatch | null;
}

/** The reason of a code the vendor's table does not list, unless the adapter words it otherwise. */
export const UNDOCUMENTED_CODE = 'the gateway refused the request with an undocumented code';

/** How a refusal reads beyond its code: the words for a code the table lacks, the vendor's text, details. */
export interface RefusalWording {
	/** The reason given for a code the vendor's table does not list (default UNDOCUMENTED_CODE). */
	unknownReason?: string;
	/** The vendor's text kept with the error, from the table's entry (if any); default the entry's text. */
	vendorText?: (known: VendorCode | undefined) => string | null;
	/** Appended to the reason as it is (the answer's details, the limit it names). */
	detail?: string;
}

/** The table's entry for a code: its own entries only, so `constructor` or `__proto__` is no code. */
export function codeIn(table: CodeTable, code: string): VendorCode | undefined {
	return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined;
}

export class GatewayCall {
	/**
	 * @param name The gateway's display name, which every error starts with.
	 * @param defaultBaseUrl Where the gateway is when the credential names no base URL.
	 */
	constructor(
		readonly name: string,
		private readonly defaultBaseUrl: string,
	) {}

	/** Throws `<Gateway>: the credential has no <label>` for the first field that is empty. */
	requireCredentials(fields: Array<[label: string, value: string]>): void {
		const missing = fields.find(([, value]) => !value);
		if (missing) throw new InputError(`${this.name}: the credential has no ${missing[0]}`);
	}

	/** The credential's base URL, else the gateway's own. */
	baseUrl(credentials: GatewayCredentials): string {
		return text(credentials.baseUrl).trim() || this.defaultBaseUrl;
	}

	/** One request to the credential's base URL (else the gateway's own) through the context's transport. */
	async request(ctx: GatewayContext, request: Omit<TransportRequest, 'baseUrl'>): Promise<TransportResponse> {
		return await ctx.transport.request({ ...request, baseUrl: this.baseUrl(ctx.credentials) });
	}

	/** The answer without a leading byte order mark, trimmed where the gateway's format allows it. */
	answer(response: Pick<TransportResponse, 'text' | 'charsetMismatch'>, options: { trim: boolean }): Answer {
		const body = response.text.replace(/^\uFEFF/, '');
		return { body: options.trim ? body.trim() : body, mismatch: response.charsetMismatch };
	}

	/** `<Gateway>: <reason> (code <code>)` for a code of the vendor's table, the vendor's text kept. */
	refusal(code: string, table: CodeTable, wording: RefusalWording = {}): GatewayError {
		const known = codeIn(table, code);
		const reason = `${known?.reason ?? wording.unknownReason ?? UNDOCUMENTED_CODE}${wording.detail ?? ''}`;
		const vendorText = wording.vendorText ? wording.vendorText(known) : (known?.vendorText ?? null);
		return new GatewayError(this.name, code, reason, vendorText);
	}

	/**
	 * An answer the adapter does not recognise, quoted (without `secrets`), with what the charset
	 * mismatch suspected in it says to do.
	 */
	unexpected(what: string, answer: Answer, secrets: string[] = []): TransportError {
		return unexpectedResponse(this.name, what, answer.body, secrets, answer.mismatch);
	}
}
