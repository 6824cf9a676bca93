// The years a knowledge entry spans, to tell apart two entries written alike (Thomas Cromwell, died
// 1540, and Oliver Cromwell, born 1599) by the year a note writes nearby.
import type { KnowledgeEntry } from './model';

/** A life, from birth (else about seventy years before death) to death (else ninety years on), or an event's years. */
export function yearsOf(entry: KnowledgeEntry): [number, number] | undefined {
  const year = (date: string | undefined): number | undefined => (date ? Number(date.slice(0, 4)) : undefined);
  const from = year(entry.born) ?? year(entry.date);
  const to = year(entry.died) ?? year(entry.endDate);
  if (from === undefined && to === undefined) return undefined;
  return [from ?? to! - 70, to ?? (entry.kind === 'person' ? from! + 90 : from!)];
}
