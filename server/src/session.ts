// The server's state for one workspace: the index, the open documents, the settings, the knowledge
// files. Indexes the folders once, then follows edits (debounced, one document at a time) and file
// events. Transport-free: it talks to the client through the small `SessionHost` interface.
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadKnowledgeFile } from './knowledge/load';
import type { KnowledgeFile } from './knowledge/model';
import { chooseKnowledge, choosePacks, packsOf, samePacks, type KnowledgePack, type PackSetting, type PackState } from './knowledge/packs';
import { NotesIndex } from './index/notesIndex';
import { chronologyDiagnostics, knowledgeDiagnostics, spellingDiagnostics, type SeveritySetting } from './features/diagnostics';
import type { IndexCounts, IndexReadyParams } from './protocol';
import { DEFAULT_ESSAYS, EssayMatcher } from './workspace/essays';
import { DEFAULT_FILE_SETTINGS, FileMatcher, formatOf, readTextFile, toPath, type FileSettings } from './workspace/files';
import { loadWorkspace } from './workspace/load';

export interface Settings extends FileSettings {
  severity: SeveritySetting;
  /** How dates that contradict the knowledge or the notes are reported. */
  chronologySeverity: SeveritySetting;
  /** The user's choice of knowledge packs; the others are chosen by what the notes name. */
  packs: PackSetting;
  /** Globs of the notes that are essays. */
  essays: string[];
}

export const DEFAULT_SETTINGS: Settings = { ...DEFAULT_FILE_SETTINGS, severity: 'information', chronologySeverity: 'warning', packs: {}, essays: DEFAULT_ESSAYS };

/** What the session needs from the connection. */
export interface SessionHost {
  log(message: string): void;
  publishDiagnostics(uri: string, diagnostics: Diagnostic[]): void;
  progress(title: string): Promise<{ report(percentage: number, message: string): void; done(): void }>;
  indexReady(params: IndexReadyParams): void;
  indexChanged(counts: IndexCounts & { version: number }): void;
}

export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  getText(): string;
}

const EDIT_DELAY_MS = 150;
/** Beyond this many stale notes, re-resolving happens in the background (see NotesIndex.syncResolveLimit). */
const SYNC_RESOLVE_LIMIT = 200;
const RESOLVE_SLICE_MS = 10;
const CHANGED_NOTIFY_DELAY_MS = 100;

export class Session {
  index = new NotesIndex();
  private knowledgeFiles = new Map<string, KnowledgeFile>();
  private packs: PackState[] = [];
  private bundledPacks: KnowledgePack[] = [];
  private essays: EssayMatcher;
  private bundledKnowledge: KnowledgeFile[] = [];
  private matcher: FileMatcher;
  private pendingEdits = new Map<string, { document: OpenDocument; timer: NodeJS.Timeout }>();
  private changedTimer?: NodeJS.Timeout;
  private readonly open = new Map<string, OpenDocument>();
  private publishedKnowledge = new Set<string>();
  private loading?: Promise<void>;
  readonly ready: Promise<void>;
  private resolveReady!: () => void;

  constructor(
    private readonly host: SessionHost,
    readonly roots: string[],
    private readonly dataDir: string,
    private settings: Settings = DEFAULT_SETTINGS,
  ) {
    this.matcher = new FileMatcher(settings);
    this.essays = new EssayMatcher(roots, settings.essays);
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  get currentSettings(): Settings {
    return this.settings;
  }

  /** Indexes every note under the workspace folders, with progress; resolves `ready` the first time. */
  async indexWorkspace(): Promise<void> {
    const run = async (): Promise<void> => {
      const started = Date.now();
      const progress = await this.host.progress('Indexing history notes');
      let lastPercent = -1;
      const loaded = await loadWorkspace(this.roots, this.matcher, this.dataDir, {
        onProgress: (done, total) => {
          const percent = Math.floor((done / Math.max(total, 1)) * 100);
          if (percent !== lastPercent) progress.report(percent, `${done}/${total} notes`);
          lastPercent = percent;
        },
        pause: () => new Promise((resolve) => setImmediate(resolve)),
        packs: this.settings.packs,
      });
      this.packs = loaded.packs;
      this.index = loaded.index;
      this.index.syncResolveLimit = SYNC_RESOLVE_LIMIT;
      this.bundledKnowledge = loaded.knowledgeFiles.filter((f) => f.bundled);
      this.bundledPacks = packsOf(this.bundledKnowledge);
      this.knowledgeFiles = new Map(loaded.knowledgeFiles.filter((f) => !f.bundled).map((f) => [f.uri, f]));
      for (const document of this.open.values()) this.index.setDocument(document.uri, document.getText(), formatOf(document.uri));
      for (const skipped of loaded.skipped) this.host.log(`Skipped ${skipped.path}: ${skipped.reason}`);
      progress.done();
      this.publishAll();
      const counts = this.counts();
      this.host.log(`Indexed ${counts.notes} notes: ${counts.entities} entities in ${Date.now() - started} ms`);
      this.host.indexReady({ ...counts, durationMs: Date.now() - started, skipped: loaded.skipped });
      this.resolveReady();
    };
    this.loading = run();
    return this.loading;
  }

  async updateSettings(settings: Settings): Promise<void> {
    const previous = this.settings;
    this.settings = settings;
    this.essays = new EssayMatcher(this.roots, settings.essays);
    const filesChanged = JSON.stringify([previous.include, previous.exclude, previous.knowledge]) !== JSON.stringify([settings.include, settings.exclude, settings.knowledge]);
    if (filesChanged) {
      this.matcher = new FileMatcher(settings);
      await this.loading;
      await this.indexWorkspace();
      this.scheduleChanged();
    } else {
      if (JSON.stringify(previous.packs) !== JSON.stringify(settings.packs)) this.rebuildKnowledge();
      if (previous.severity !== settings.severity || previous.chronologySeverity !== settings.chronologySeverity) this.publishAll();
    }
  }

  // ---- open documents: their text wins over the disk

  opened(document: OpenDocument): void {
    this.open.set(document.uri, document);
    if (this.isKnowledgeUri(document.uri)) return void this.knowledgeChanged(document.uri, document.getText());
    this.index.setDocument(document.uri, document.getText(), formatOf(document.uri));
    this.publish(document.uri);
    this.scheduleChanged();
  }

  changed(document: OpenDocument): void {
    this.open.set(document.uri, document);
    const pending = this.pendingEdits.get(document.uri);
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => this.flush(document.uri), EDIT_DELAY_MS);
    this.pendingEdits.set(document.uri, { document, timer });
  }

  async closed(uri: string): Promise<void> {
    this.flush(uri);
    this.open.delete(uri);
    if (this.isKnowledgeUri(uri)) {
      // Unsaved changes are dropped with the editor: back to the file on disk.
      if (uri.startsWith('file:')) await this.fileCreatedOrChanged(uri);
      return;
    }
    this.host.publishDiagnostics(uri, []);
    // Back to what is on disk, or out of the index if it is not a note of the workspace.
    if (uri.startsWith('file:') && this.classify(uri) === 'note') await this.readFromDisk(uri);
    else if (this.index.removeDocument(uri)) this.scheduleChanged();
  }

  /** Applies a pending edit now, so a request right after `didChange` sees it. */
  flush(uri?: string): void {
    for (const [pendingUri, pending] of this.pendingEdits) {
      if (uri !== undefined && pendingUri !== uri) continue;
      clearTimeout(pending.timer);
      this.pendingEdits.delete(pendingUri);
      const text = pending.document.getText();
      if (this.isKnowledgeUri(pendingUri)) this.knowledgeChanged(pendingUri, text);
      else {
        this.index.setDocument(pendingUri, text, formatOf(pendingUri));
        this.publishOpen();
        this.scheduleChanged();
      }
    }
  }

  // ---- files changed on disk

  async fileCreatedOrChanged(uri: string): Promise<void> {
    const kind = this.classify(uri);
    if (kind === 'knowledge') {
      if (this.open.has(uri)) return;
      const read = await readTextFile(toPath(uri));
      if ('text' in read) this.knowledgeChanged(uri, read.text);
      else this.host.log(`Skipped ${toPath(uri)}: ${read.skipped}`);
    } else if (kind === 'note' && !this.open.has(uri)) {
      await this.readFromDisk(uri);
    }
  }

  fileDeleted(uri: string): void {
    if (this.knowledgeFiles.delete(uri)) {
      this.host.publishDiagnostics(uri, []);
      this.rebuildKnowledge();
      return;
    }
    if (this.open.has(uri)) return;
    // A deleted folder arrives as one event: drop every note under it.
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    let removed = this.index.removeDocument(uri);
    for (const other of this.index.documentUris()) if (other.startsWith(prefix)) removed = this.index.removeDocument(other) || removed;
    if (removed) {
      this.publishOpen();
      this.scheduleChanged();
    }
  }

  private async readFromDisk(uri: string): Promise<void> {
    const read = await readTextFile(toPath(uri));
    if ('skipped' in read) {
      this.host.log(`Skipped ${toPath(uri)}: ${read.skipped}`);
      this.index.removeDocument(uri);
    } else if (!this.open.has(uri)) {
      this.index.setDocument(uri, read.text, formatOf(uri));
    }
    this.publishOpen();
    this.scheduleChanged();
  }

  // ---- knowledge files

  private knowledgeChanged(uri: string, text: string): void {
    const file = loadKnowledgeFile(uri, text);
    this.knowledgeFiles.set(uri, file);
    this.rebuildKnowledge();
  }

  private rebuildKnowledge(): void {
    const files = [...this.bundledKnowledge, ...[...this.knowledgeFiles.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1))];
    // Problems are recomputed with the merge (unknown references), so start each file from its own.
    for (const file of files) file.problems = file.problems.filter((p) => !p.message.includes('which no knowledge file defines'));
    const chosen = chooseKnowledge(files, (id) => this.index.peopleNamed.isNamed(id), this.settings.packs);
    this.packs = chosen.packs;
    this.index.setKnowledge(chosen.base);
    this.publishAll();
    this.scheduleChanged();
  }

  /** After notes changed: a pack turns on or off by itself when the people the notes name say so. */
  private reconsiderPacks(): boolean {
    const now = choosePacks(this.bundledPacks, (id) => this.index.peopleNamed.isNamed(id), this.settings.packs);
    if (samePacks(now, this.packs)) {
      this.packs = now;
      return false;
    }
    this.host.log(`Knowledge packs now on: ${now.filter((p) => p.active).map((p) => p.name).join(', ') || 'none'}`);
    this.rebuildKnowledge();
    return true;
  }

  knowledgeFile(uri: string): KnowledgeFile | undefined {
    return this.knowledgeFiles.get(uri);
  }

  /** The user's own knowledge files, for writing accepted variants. */
  userKnowledgeFiles(): KnowledgeFile[] {
    return [...this.knowledgeFiles.values()];
  }

  private isKnowledgeUri(uri: string): boolean {
    return this.knowledgeFiles.has(uri) || this.classify(uri) === 'knowledge';
  }

  private classify(uri: string): 'note' | 'knowledge' | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const file = toPath(uri);
    const root = this.roots.find((r) => file.startsWith(path.resolve(r) + path.sep));
    // Outside every workspace folder a file is indexed only while it is open.
    return root ? this.matcher.classify(path.relative(root, file)) : undefined;
  }

  // ---- what the client sees

  /** Whether a note is an essay: front matter `essay: true`, or under the `historyNotes.essays` globs. */
  isEssay(uri: string): boolean {
    return this.essays.isEssay(this.index, uri);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  openDocument(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  counts(resolve = true): IndexCounts {
    const { entities, byKind } = this.index.kindCounts(resolve);
    return { notes: this.index.documentCount, entities, people: byKind.person, trials: byKind.trial, causes: byKind.cause, events: byKind.event, packs: this.packs };
  }

  private publish(uri: string): void {
    const chronology = chronologyDiagnostics(this.index, uri, this.settings.chronologySeverity);
    this.host.publishDiagnostics(uri, [...spellingDiagnostics(this.index, uri, this.settings.severity), ...chronology]);
  }

  /** Diagnostics for open notes (names may resolve differently after any change). */
  private publishOpen(): void {
    for (const uri of this.open.keys()) if (!this.isKnowledgeUri(uri)) this.publish(uri);
  }

  private publishAll(): void {
    this.publishOpen();
    const now = new Set<string>();
    for (const file of this.knowledgeFiles.values()) {
      if (file.problems.length > 0) now.add(file.uri);
      this.host.publishDiagnostics(file.uri, knowledgeDiagnostics(file));
    }
    for (const uri of this.publishedKnowledge) if (!now.has(uri) && !this.knowledgeFiles.has(uri)) this.host.publishDiagnostics(uri, []);
    this.publishedKnowledge = now;
  }

  private resolving = false;

  /** Resolves what an edit made stale in slices, then tells the client once it is all done. */
  private resolveInBackground(): void {
    if (this.resolving || this.index.pending === 0) return;
    this.resolving = true;
    const step = (): void => {
      if (this.index.resolveSome(RESOLVE_SLICE_MS)) {
        setImmediate(step);
        return;
      }
      this.resolving = false;
      this.publishOpen();
      this.scheduleChanged();
    };
    setImmediate(step);
  }

  /** After a quiet moment: a burst of file events re-resolves the notes once, not once per event. */
  private scheduleChanged(): void {
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.changedTimer = setTimeout(() => {
      this.changedTimer = undefined;
      // An edit still waiting for its debounce will announce itself: a change now would not include it.
      if (this.pendingEdits.size > 0) return;
      if (this.reconsiderPacks()) return;
      this.resolveInBackground();
      // As things stand: resolving everything here would block; the background resolve announces the rest.
      this.host.indexChanged({ ...this.counts(false), version: this.index.version });
    }, CHANGED_NOTIFY_DELAY_MS);
  }

  dispose(): void {
    for (const pending of this.pendingEdits.values()) clearTimeout(pending.timer);
    if (this.changedTimer) clearTimeout(this.changedTimer);
  }
}

