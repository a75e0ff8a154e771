/**
 * Removing secrets (passwords, MD5 hashes, signatures) from anything shown to a user: URLs, error
 * messages, excerpts of answers, `raw` outputs.
 */
import { percentEncode } from './charset';

export const REDACTED = '***';

/** Parameter names whose value is a secret, at any of the five gateways. */
const SECRET_PARAM = /^(pwd|pswd|us_pwd|password|passwd|pass|sign|newpwd|passwordmd5|pwd_md5|md5pwd|secret|token)$/i;

const MIN_SECRET_LENGTH = 3;

/** Every spelling of each secret that can appear in a URL, a form body, XML, JSON or a message. */
export function secretForms(secrets: string[]): string[] {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
		forms.add(secret);
		for (const cs of ['utf8', 'gbk'] as const) {
			const encoded = percentEncode(secret, cs);
			forms.add(encoded);
			forms.add(encoded.replace(/%20/g, '+'));
		}
		forms.add(encodeURIComponent(secret));
		forms.add(secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
		forms.add(JSON.stringify(secret).slice(1, -1));
	}
	// Longest first so a secret that contains another is removed whole.
	return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replace every form of every secret by `***` (case-insensitively: hex may come back in upper
 * case), then blank the value of any parameter, XML element or JSON field named like a secret.
 */
export function redact(text: string, secrets: string[]): string {
	let out = String(text);
	const forms = secretForms(secrets);
	if (forms.length > 0) out = out.replace(new RegExp(forms.map(escapeRegExp).join('|'), 'gi'), REDACTED);
	// The value ends at &, whitespace, a quote or an angle bracket (quoted URLs, XML attributes).
	out = out.replace(/(^|[?&\s])([A-Za-z_]+)(\s*=)([^&\s"'<>]+)/gm, (whole, sep: string, key: string, eq: string) =>
		SECRET_PARAM.test(key) ? `${sep}${key}${eq}${REDACTED}` : whole,
	);
	out = out.replace(/<([A-Za-z_]+)>([^<]+)<\/\1>/g, (whole, key: string) =>
		SECRET_PARAM.test(key) ? `<${key}>${REDACTED}</${key}>` : whole,
	);
	// The string value as an unrolled loop: `(?:[^"\\]|\\.)+` backtracks once per character and
	// overflows the stack on an answer of megabytes.
	out = out.replace(/"([A-Za-z_]+)"(\s*:\s*)"([^"\\]*(?:\\.[^"\\]*)*)"/g, (whole, key: string, colon: string) =>
		SECRET_PARAM.test(key) ? `"${key}"${colon}"${REDACTED}"` : whole,
	);
	return out;
}
