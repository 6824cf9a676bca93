// The server's settings: their types, their defaults, and how the client's `historyNotes.*` values
// are read, with a default for anything missing or malformed. Everyone reads them from here.
import type { SeveritySetting } from './features/diagnostics';
import type { PackSetting } from './knowledge/packs';
import { DEFAULT_ESSAYS } from './workspace/essays';
import { DEFAULT_FILE_SETTINGS, type FileSettings } from './workspace/files';

export type { SeveritySetting } from './features/diagnostics';

export interface Settings extends FileSettings {
  /** How misspelt names are reported. */
  severity: SeveritySetting;
  /** How dates that contradict the knowledge or the notes are reported. */
  chronologySeverity: SeveritySetting;
  /** The user's choice of knowledge packs; the others are chosen by what the notes name. */
  packs: PackSetting;
  /** Globs of the notes that are essays. */
  essays: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  ...DEFAULT_FILE_SETTINGS,
  severity: 'information',
  chronologySeverity: 'warning',
  packs: {},
  essays: DEFAULT_ESSAYS,
};

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Settings as the client sends them (`historyNotes.*`). */
export function readSettings(raw: unknown): Settings {
  const value = objectOf(raw);
  const strings = (x: unknown, fallback: string[]): string[] => (Array.isArray(x) && x.every((s) => typeof s === 'string') ? x : fallback);
  const severityOf = (x: unknown, fallback: SeveritySetting): SeveritySetting =>
    SEVERITIES.includes(x as SeveritySetting) ? (x as SeveritySetting) : fallback;
  return {
    include: strings(value.include, DEFAULT_SETTINGS.include),
    exclude: strings(value.exclude, DEFAULT_SETTINGS.exclude),
    knowledge: strings(value.knowledgeFiles, DEFAULT_SETTINGS.knowledge),
    severity: severityOf(objectOf(value.spelling).severity, DEFAULT_SETTINGS.severity),
    chronologySeverity: severityOf(objectOf(value.chronology).severity, DEFAULT_SETTINGS.chronologySeverity),
    packs: packSetting(value.knowledgePacks),
    essays: strings(value.essays, DEFAULT_SETTINGS.essays),
  };
}

/** Whether a change of settings changes which files are notes or knowledge: then the folders are read again. */
export function filesChanged(a: Settings, b: Settings): boolean {
  return JSON.stringify([a.include, a.exclude, a.knowledge]) !== JSON.stringify([b.include, b.exclude, b.knowledge]);
}

function objectOf(raw: unknown): Record<string, unknown> {
  return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

/** `{ "germany-1918-1945": true, "cold-war-1945-1991": false }`; anything else in it is ignored. */
function packSetting(raw: unknown): PackSetting {
  return Object.fromEntries(Object.entries(objectOf(raw)).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'));
}
