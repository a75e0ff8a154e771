/**
 * China Standard Time (UTC+8, no daylight saving) formatting and parsing, independent of the
 * server's own time zone.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export type ChinaTimeFormat = 'yyyyMMddHHmm' | 'yyyyMMddHHmmss' | 'yyyy-MM-dd HH:mm:ss';

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** Throws a RangeError for an invalid Date (never sends `NaNNaN…` as a time). */
export function formatChinaTime(date: Date, format: ChinaTimeFormat): string {
	if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError('Invalid date: cannot format it as China time');
	const t = new Date(date.getTime() + CST_OFFSET_MS);
	const y = pad(t.getUTCFullYear(), 4);
	const M = pad(t.getUTCMonth() + 1);
	const d = pad(t.getUTCDate());
	const H = pad(t.getUTCHours());
	const m = pad(t.getUTCMinutes());
	const s = pad(t.getUTCSeconds());
	switch (format) {
		case 'yyyyMMddHHmm':
			return `${y}${M}${d}${H}${m}`;
		case 'yyyyMMddHHmmss':
			return `${y}${M}${d}${H}${m}${s}`;
		case 'yyyy-MM-dd HH:mm:ss':
			return `${y}-${M}-${d} ${H}:${m}:${s}`;
	}
}

/** ISO 8601 with `+08:00` for a China time given as parts, or null if the parts are no real time. */
function isoFromParts(y: number, M: number, d: number, H: number, m: number, s: number): string | null {
	if (y === 0 || M < 1 || M > 12 || d < 1 || d > 31 || H > 23 || m > 59 || s > 59) return null;
	const check = new Date(Date.UTC(y, M - 1, d, H, m, s));
	if (check.getUTCMonth() !== M - 1 || check.getUTCDate() !== d) return null;
	return `${pad(y, 4)}-${pad(M)}-${pad(d)}T${pad(H)}:${pad(m)}:${pad(s)}+08:00`;
}

/**
 * Parse the gateways' time stamps, all China time: `YYMMDDhhmm` (sms18), `YYYYMMDDHHMM`
 * (chinaSms), `YYYYMMDDHHMMSS`, `YYYY-MM-DD HH:MM:SS` (smsAdmin, sms10692; `0000-00-00 00:00:00`
 * means none). Returns ISO 8601 with `+08:00`, or null when empty, zero or unrecognised.
 */
export function parseChinaTime(value: string | null | undefined): string | null {
	if (value === null || value === undefined) return null;
	const v = String(value).trim();
	if (!v) return null;
	// Fractions of a second (`.123`, as .NET writes them) are dropped.
	let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?$/.exec(v);
	if (m) return isoFromParts(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
	m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/.exec(v);
	if (m) return isoFromParts(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
	m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(v);
	if (m) return isoFromParts(2000 + +m[1], +m[2], +m[3], +m[4], +m[5], 0);
	return null;
}
