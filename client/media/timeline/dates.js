// Dates on the timeline: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' as day numbers (days since 1970, UTC),
// and the axis ticks for a zoom level: decades, years, months or days.
(function (timeline) {
  'use strict';
  const DAY_MS = 86400000;
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  /** The day number of a calendar day; month from 0, and overflowing days roll into the next month. */
  function dayNumber(year, month, day) {
    const date = new Date(0);
    date.setUTCFullYear(year, month, day);
    return Math.round(date.getTime() / DAY_MS);
  }

  function calendar(day) {
    const date = new Date(day * DAY_MS);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
  }

  /** { year, month?, day? } of a date string, or undefined if it is not one. */
  function parse(text) {
    const match = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(text || ''));
    if (!match) return undefined;
    return { year: Number(match[1]), month: match[2] ? Number(match[2]) - 1 : undefined, day: match[3] ? Number(match[3]) : undefined };
  }

  /** The first day of the period a date names: 1936 → 1 Jan 1936. */
  function startOf(date) {
    return dayNumber(date.year, date.month ?? 0, date.day ?? 1);
  }

  /** The day after the period a date names ends: 1936 → 1 Jan 1937. */
  function endOf(date) {
    if (date.day !== undefined) return dayNumber(date.year, date.month, date.day + 1);
    if (date.month !== undefined) return dayNumber(date.year, date.month + 1, 1);
    return dayNumber(date.year + 1, 0, 1);
  }

  // Each scale: how far apart its ticks are (roughly, in days), the room a label needs, and how to
  // list and name its ticks. The first whose ticks are far enough apart wins.
  const SCALES = [
    ...[1, 2, 5, 10].map((step) => ({ unit: 'day', step, days: step, room: 84 })),
    ...[1, 3, 6].map((step) => ({ unit: 'month', step, days: step * 30.44, room: 66 })),
    ...[1, 2, 5].map((step) => ({ unit: 'year', step, days: step * 365.25, room: 46 })),
    ...[10, 20, 50, 100, 200, 500].map((step) => ({ unit: 'decade', step, days: step * 365.25, room: 52 })),
  ];

  function scaleFor(pxPerDay) {
    return SCALES.find((scale) => scale.days * pxPerDay >= scale.room) ?? SCALES[SCALES.length - 1];
  }

  /** The ticks between two day numbers: [{ day, label, major }], major at the start of a larger unit. */
  function ticks(from, to, pxPerDay) {
    const scale = scaleFor(pxPerDay);
    const out = [];
    const first = calendar(from);
    if (scale.unit === 'day') {
      for (let year = first.year, month = first.month; dayNumber(year, month, 1) <= to && out.length < 400; month++) {
        const length = dayNumber(year, month + 1, 1) - dayNumber(year, month, 1);
        for (let d = 1; d <= length - scale.step / 2 + 1 || d === 1; d += scale.step) {
          const day = dayNumber(year, month, d);
          if (day >= from && day <= to) out.push({ day, label: `${d} ${MONTHS[calendar(day).month]} ${calendar(day).year}`, major: d === 1 });
        }
      }
    } else if (scale.unit === 'month') {
      for (let year = first.year, month = first.month - (first.month % scale.step); dayNumber(year, month, 1) <= to && out.length < 400; month += scale.step) {
        const day = dayNumber(year, month, 1);
        const at = calendar(day);
        if (day >= from) out.push({ day, label: `${MONTHS[at.month]} ${at.year}`, major: at.month === 0 });
      }
    } else {
      for (let year = Math.floor(first.year / scale.step) * scale.step; dayNumber(year, 0, 1) <= to && out.length < 400; year += scale.step) {
        const day = dayNumber(year, 0, 1);
        const label = scale.unit === 'decade' && scale.step === 10 ? `${year}s` : String(year);
        if (day >= from) out.push({ day, label, major: year % (scale.step * 10) === 0 });
      }
    }
    return { unit: scale.unit, ticks: out };
  }

  /** A short name for a day, at the precision of the scale: '1936', 'Aug 1936' or '19 Aug 1936'. */
  function describe(day, unit) {
    const at = calendar(day);
    if (unit === 'day') return `${at.day} ${MONTHS[at.month]} ${at.year}`;
    if (unit === 'month') return `${MONTHS[at.month]} ${at.year}`;
    return String(at.year);
  }

  timeline.dates = { parse, startOf, endOf, ticks, describe, dayNumber };
})((window.historyTimeline ??= {}));
