/** The value a datetime-local input shows for an instant, in the browser's time zone: `YYYY-MM-DDTHH:mm`. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value as an ISO instant, or undefined when it is empty or not a time. */
export function fromLocalInput(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [y, m, d, h, min, s] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number, number, number];
  const date = new Date(y, m - 1, d, h, min, s);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Tomorrow at a given hour, local time: the default due time of a next step. */
export function tomorrowAt(hour: number, now = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hour, 0);
}
