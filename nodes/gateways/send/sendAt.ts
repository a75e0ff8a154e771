/**
 * Send At: any date and time a user or an expression gives, read in the workflow's time zone when
 * it carries no offset, and checked against what the gateway can schedule.
 */
import { formatChinaTime } from '../kit/chinaTime';
import type { CheckContext } from './checkContext';

/** Offset of `zone` from UTC at `date`, in ms. */
function zoneOffsetMs(date: Date, zone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(date);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A `sendAt` value as a Date: ISO text with or without offset (without: read in `timeZone`),
 * a Date, epoch milliseconds, or a Luxon DateTime (n8n expressions). Null when empty; throws a
 * plain Error with the reason when it is no date.
 */
export function parseSendAt(value: unknown, timeZone: string): Date | null {
	if (value === undefined || value === null || value === '') return null;
	if (value instanceof Date) return assertValid(value, value);
	if (typeof value === 'number') return assertValid(new Date(value), value);
	if (typeof value === 'object' && typeof (value as { toJSDate?: unknown }).toJSDate === 'function') {
		return assertValid((value as { toJSDate: () => Date }).toJSDate(), value);
	}
	const text = String(value).trim();
	const m = DATE_TIME.exec(text);
	if (!m) throw new Error(`"${text}" is no date and time (expected e.g. 2026-12-01T09:30:00)`);
	// Date.UTC would roll month 13 or hour 99 over into another date: refuse them instead.
	const [month, day, hour, minute, second] = [+m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)];
	const daysInMonth = new Date(Date.UTC(+m[1], month, 0)).getUTCDate();
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
		throw new Error(`"${text}" is no valid date and time`);
	}
	if (m[8]) return assertValid(new Date(text.replace(' ', 'T')), text);
	const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
	// The offset at the wall time read as UTC is right except within an hour of a DST change;
	// a second pass with the offset at the first guess settles it.
	let guess = wall - zoneOffsetMs(new Date(wall), timeZone);
	guess = wall - zoneOffsetMs(new Date(guess), timeZone);
	return assertValid(new Date(guess), text);
}

function assertValid(date: Date, original: unknown): Date {
	if (Number.isNaN(date.getTime())) throw new Error(`"${String(original)}" is no valid date and time`);
	return date;
}

/** China time of a date as ISO 8601 with `+08:00`. */
export function chinaIso(date: Date): string {
	return `${formatChinaTime(date, 'yyyy-MM-dd HH:mm:ss').replace(' ', 'T')}+08:00`;
}

export function sendAtProblems(ctx: CheckContext, raw: unknown): { sendAt?: Date; problems: string[] } {
	let sendAt: Date | null;
	try {
		sendAt = parseSendAt(raw, ctx.timeZone);
	} catch (error) {
		return { problems: [`Send At ${(error as Error).message}`] };
	}
	if (!sendAt) return { problems: [] };
	if (!ctx.adapter.limits.supportsSchedule) {
		return { problems: [`${ctx.adapter.displayName} cannot schedule messages: leave Send At empty`] };
	}
	if (sendAt.getTime() <= ctx.now.getTime()) {
		return {
			problems: [`Send At ${formatChinaTime(sendAt, 'yyyy-MM-dd HH:mm:ss')} China time is in the past (now ${formatChinaTime(ctx.now, 'yyyy-MM-dd HH:mm:ss')})`],
		};
	}
	return { sendAt, problems: [] };
}

