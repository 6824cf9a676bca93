// Dates as students read them: `1936-08-19` → `19 August 1936`, spans as `19–24 August 1936`.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Parts {
  year: string;
  month?: number;
  day?: number;
}

function parts(date: string): Parts {
  const [year, month, day] = date.split('-');
  return { year, month: month ? Number(month) : undefined, day: day ? Number(day) : undefined };
}

export function formatDate(date: string): string {
  const { year, month, day } = parts(date);
  if (month === undefined) return year;
  return `${day !== undefined ? `${day} ` : ''}${MONTHS[month - 1]} ${year}`;
}

export function formatSpan(from: string | undefined, to: string | undefined): string | undefined {
  if (!from) return to && formatDate(to);
  if (!to || to === from) return formatDate(from);
  const a = parts(from);
  const b = parts(to);
  if (a.year === b.year && a.month !== undefined && a.month === b.month && a.day !== undefined && b.day !== undefined) {
    return `${a.day}–${b.day} ${MONTHS[a.month - 1]} ${a.year}`;
  }
  return `${formatDate(from)} – ${formatDate(to)}`;
}
