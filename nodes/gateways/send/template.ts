/** Personalised templates (smsAdmin 点点通, seed 001 §4): placeholders {value0}, {value1} … and their values. */

const PLACEHOLDER = /\{value(\d+)\}/g;

/** Placeholder numbers of a template, or problems when they repeat or leave gaps. */
export function templatePlaceholders(template: string): { count: number; problems: string[] } {
	const seen: number[] = [];
	const problems: string[] = [];
	for (const m of template.matchAll(PLACEHOLDER)) {
		const n = Number(m[1]);
		// seed 001 §4: 变量标识符号不能重复 — each placeholder may appear once.
		if (seen.includes(n)) problems.push(`the template uses {value${n}} more than once; each placeholder may appear once`);
		else seen.push(n);
	}
	const count = seen.length === 0 ? 0 : Math.max(...seen) + 1;
	for (let i = 0; i < count; i++) {
		if (!seen.includes(i)) problems.push(`the template has no {value${i}}: placeholders are numbered from {value0} without gaps`);
	}
	return { count, problems };
}

/** The template with each {valueN} replaced by what `replace` gives for N (and the placeholder itself). */
export function replacePlaceholders(template: string, replace: (n: number, placeholder: string) => string): string {
	return template.replace(PLACEHOLDER, (placeholder, n: string) => replace(Number(n), placeholder));
}

export function fillTemplate(template: string, values: string[]): string {
	return replacePlaceholders(template, (n, placeholder) => values[n] ?? placeholder);
}

/** Values of one item, comma-separated (also the Chinese ，). */
export function splitValues(text: unknown): string[] {
	const raw = String(text ?? '');
	if (!raw.trim()) return [];
	return raw.split(/[,，]/u).map((v) => v.trim());
}

