/**
 * Billable parts of one message: 70 characters fit one SMS; a longer message is sent as a long
 * SMS whose parts carry 67 characters each (3 go to the concatenation header).
 */
export const SINGLE_SMS_CHARS = 70;
export const LONG_SMS_PART_CHARS = 67;

/** Characters as the carriers count them: one per Unicode code point. */
export function messageLength(message: string): number {
	let n = 0;
	for (const _ of message) n++;
	return n;
}

export function countSegments(message: string): number {
	const length = messageLength(message);
	if (length === 0) return 0;
	return length <= SINGLE_SMS_CHARS ? 1 : Math.ceil(length / LONG_SMS_PART_CHARS);
}
