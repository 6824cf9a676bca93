// The server's state for one workspace: the index, the open documents, the settings and the
// knowledge. Indexes the folders once, then follows edits (debounced, one document at a time) and
// file changes. Transport-free: it talks to the client through the small `SessionHost` interface,
// and reads files through a `Workspace`.
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { NotesIndex } from '../index/notesIndex';
import type { KnowledgeFile } from '../knowledge/model';
import type { IndexCounts, IndexReadyParams } from '../protocol';
import { DEFAULT_SETTINGS, filesChanged, type Settings } from '../settings';
import { EssayMatcher } from '../workspace/essays';
import { FileMatcher, formatOf, toPath, toUri } from '../workspace/files';
import { CACHE_FILE_NAME } from '../workspace/factsCache';
import { extractorCount } from '../workspace/extractorPool';
import { cacheReport, loadWorkspace } from '../workspace/load';
import { relativePath, type FileChange, type Workspace } from '../workspace/workspace';
import { BackgroundResolver } from './backgroundResolver';
import { EditQueue } from './editQueue';
import { IndexKeeper } from './indexKeeper';
import { KnowledgeState } from './knowledgeState';
import { OpenDocuments, type OpenDocument } from './openDocuments';
import { RequestTraffic } from './pause';
import { DiagnosticsPublisher } from './publisher';

export type { OpenDocument } from './openDocuments';

/** What the session needs from the connection. */
export interface SessionHost {
  log(message: string): void;
  publishDiagnostics(uri: string, diagnostics: Diagnostic[]): void;
  progress(title: string): Promise<{ report(percentage: number, message: string): void; done(): void }>;
  indexReady(params: IndexReadyParams): void;
  indexChanged(counts: IndexCounts & { version: number }): void;
  /** Whether answers written are still leaving for the client: background work waits for them. */
  outputPending?(): boolean;
  /** Collects the young generation if it is nearly full (see youngCollection): called once edits pause. */
  collectYoung?(): void;
}

const EDIT_DELAY_MS = 150;
/** Beyond this many stale notes, re-resolving happens in the background (see NotesIndex.syncResolveLimit). */
const SYNC_RESOLVE_LIMIT = 200;
/** Beyond this many names, completion answers from the name search as it was while it is rebuilt (about 50 ms). */
const SYNC_SEARCH_LIMIT = 10_000;
/** Short: a request that comes during a slice waits for it, and a hover or completion itself takes 1-3 ms. */
const RESOLVE_SLICE_MS = 4;
const CHANGED_NOTIFY_DELAY_MS = 100;
/** How long after an edit the server counts as idle, for collecting the young generation. */
const COLLECT_YOUNG_DELAY_MS = 10;

export class Session {
  index = new NotesIndex();
  private readonly knowledge = new KnowledgeState();
  private readonly open = new OpenDocuments();
  private readonly edits = new EditQueue(EDIT_DELAY_MS);
  /** The requests being answered, which background work gives way to. */
  private readonly traffic = new RequestTraffic();
  private readonly resolver = new BackgroundResolver(RESOLVE_SLICE_MS, this.traffic);
  private readonly publisher: DiagnosticsPublisher;
  private essays: EssayMatcher;
  private matcher: FileMatcher;
  private changedTimer?: NodeJS.Timeout;
  private collectTimer?: NodeJS.Timeout;
  private readonly keeper: IndexKeeper;
  private firstIndexDone = false;
  private loading?: Promise<void>;
  /** File changes, and reads from disk after a close, are handled one after another once the first index is ready. */
  private fileChanges: Promise<void> = Promise.resolve();
  private readonly watching: { dispose(): void };
  readonly ready: Promise<void>;
  private resolveReady!: () => void;

  constructor(
    private readonly host: SessionHost,
    readonly workspace: Workspace,
    private readonly dataDir: string,
    private settings: Settings = DEFAULT_SETTINGS,
    /** Where the index is kept between sessions (the editor's storage for this workspace); nothing is kept without it. */
    private readonly cacheFolder?: string,
  ) {
    this.matcher = new FileMatcher(settings);
    this.essays = new EssayMatcher(workspace.roots, settings.essays);
    this.publisher = new DiagnosticsPublisher((uri, diagnostics) => host.publishDiagnostics(uri, diagnostics));
    this.traffic.outputPending = () => host.outputPending?.() ?? false;
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
    this.keeper = new IndexKeeper(
      (message) => host.log(message),
      () => this.index,
      () => this.openNotesAsOnDisk(),
      this.traffic.pause,
    );
    this.watching = workspace.watch((change) => this.onFileChange(change));
  }

  get roots(): readonly string[] {
    return this.workspace.roots;
  }

  get currentSettings(): Settings {
    return this.settings;
  }

  /** Indexes every note under the workspace folders, with progress; resolves `ready` the first time. */
  indexWorkspace(): Promise<void> {
    this.loading = this.load();
    return this.loading;
  }

  private async load(): Promise<void> {
    const started = Date.now();
    const progress = await this.host.progress('Indexing history notes');
    let lastPercent = -1;
    const loaded = await loadWorkspace(this.workspace, this.matcher, this.dataDir, {
      onProgress: (done, total) => {
        const percent = Math.floor((done / Math.max(total, 1)) * 100);
        if (percent !== lastPercent) progress.report(percent, `${done}/${total} notes`);
        lastPercent = percent;
      },
      pause: this.traffic.pause,
      packs: this.settings.packs,
      cacheFile: this.cacheFolder && path.join(this.cacheFolder, CACHE_FILE_NAME),
      extractors: extractorCount(),
    });
    this.index = loaded.index;
    this.index.syncResolveLimit = SYNC_RESOLVE_LIMIT;
    this.index.syncSearchLimit = SYNC_SEARCH_LIMIT;
    this.knowledge.reset(loaded.knowledgeFiles, loaded.index.knowledgeBase, loaded.packs);
    for (const document of this.open.all()) this.index.editDocument(document.uri, document.getText(), formatOf(document.uri));
    for (const skipped of loaded.skipped) this.host.log(`Skipped ${skipped.path}: ${skipped.reason}`);
    for (const problem of loaded.extractorProblems) this.host.log(problem);
    progress.done();
    this.publishAll();
    const counts = this.counts();
    const inWorkers = loaded.readInWorkers > 0 ? ` (${loaded.readInWorkers} read in worker threads)` : '';
    this.host.log(`Indexed ${counts.notes} notes${inWorkers}: ${counts.entities} entities in ${Date.now() - started} ms`);
    for (const line of loaded.cache ? cacheReport(loaded.cache) : []) this.host.log(line);
    this.host.indexReady({ ...counts, durationMs: Date.now() - started, skipped: loaded.skipped });
    this.firstIndexDone = true;
    this.resolveReady();
    if (loaded.cache) this.keeper.start(loaded.cache);
  }

  /** Whether the index holds every open note as its file has it, with no edit waiting (see IndexKeeper). */
  private async openNotesAsOnDisk(): Promise<boolean> {
    if (this.edits.size > 0) return false;
    for (const document of this.open.all()) {
      if (!this.index.hasDocument(document.uri)) continue;
      const read = document.uri.startsWith('file:') ? await this.workspace.read(toPath(document.uri)) : undefined;
      if (!read || 'skipped' in read || read.text !== document.getText()) return false;
    }
    return true;
  }

  async updateSettings(settings: Settings): Promise<void> {
    const previous = this.settings;
    this.settings = settings;
    this.essays = new EssayMatcher(this.roots, settings.essays);
    if (filesChanged(previous, settings)) {
      this.matcher = new FileMatcher(settings);
      await this.loading;
      await this.indexWorkspace();
      this.scheduleChanged();
      return;
    }
    if (JSON.stringify(previous.packs) !== JSON.stringify(settings.packs)) this.rebuildKnowledge();
    if (previous.severity !== settings.severity || previous.chronologySeverity !== settings.chronologySeverity) this.publishAll();
  }

  // ---- open documents: their text wins over the disk

  opened(document: OpenDocument): void {
    this.open.set(document);
    if (this.isKnowledgeUri(document.uri)) return this.knowledgeChanged(document.uri, document.getText());
    this.index.editDocument(document.uri, document.getText(), formatOf(document.uri));
    this.publisher.note(this.index, document.uri, this.settings, true);
    this.scheduleChanged();
    this.collectYoungOnceIdle();
  }

  changed(document: OpenDocument): void {
    this.open.set(document);
    this.edits.schedule(document.uri, () => this.apply(document));
  }

  async closed(uri: string): Promise<void> {
    this.flush(uri);
    this.open.delete(uri);
    if (this.isKnowledgeUri(uri)) {
      // Unsaved changes are dropped with the editor: back to the file on disk.
      if (uri.startsWith('file:')) await this.inTurn(() => this.fileCreatedOrChanged(uri));
      return;
    }
    this.publisher.clear(uri);
    // Back to what is on disk, or out of the index if it is not a note of the workspace.
    if (uri.startsWith('file:') && this.classify(uri) === 'note') await this.inTurn(() => this.readNote(uri));
    else if (this.index.removeDocument(uri)) this.scheduleChanged();
  }

  /** A request is about to be answered: pending edits apply first, and the index cache waits for requests to pause. */
  answering(uri: string | undefined): void {
    this.answeringAside();
    this.flush(uri);
  }

  /** A request that reads no note is about to be answered: background work and the index cache wait for it all the same. */
  answeringAside(): void {
    this.traffic.begin();
    this.keeper.requested();
  }

  /** The request's handler is done: background work waits for its answer to be written. */
  answered(): void {
    this.traffic.end();
  }

  /** Applies pending edits now (of `uri`, or all), so a request right after `didChange` sees them. */
  flush(uri?: string): void {
    this.edits.flush(uri);
  }

  private apply(document: OpenDocument): void {
    if (this.isKnowledgeUri(document.uri)) return this.knowledgeChanged(document.uri, document.getText());
    this.index.editDocument(document.uri, document.lines ?? document.getText(), formatOf(document.uri));
    this.publishOpen(document.uri);
    this.scheduleChanged();
    this.collectYoungOnceIdle();
  }

  // ---- files changed in the workspace

  private onFileChange(change: FileChange): void {
    const uri = toUri(change.file);
    void this.inTurn(() => (change.kind === 'deleted' ? this.fileDeleted(uri) : this.fileCreatedOrChanged(uri)));
  }

  /**
   * Runs `work` after the file changes before it. A read from disk after a close waits its turn too: done
   * at once, it could finish after the file's deletion and bring the deleted file back.
   */
  private inTurn(work: () => Promise<void> | void): Promise<void> {
    this.fileChanges = this.fileChanges
      .then(() => this.ready)
      .then(work)
      .catch((error: unknown) => this.host.log(`History Notes: ${(error as Error)?.stack ?? String(error)}`));
    return this.fileChanges;
  }

  private async fileCreatedOrChanged(uri: string): Promise<void> {
    const kind = this.classify(uri);
    if (kind === 'knowledge') {
      if (this.open.has(uri)) return;
      const read = await this.workspace.read(toPath(uri));
      if ('text' in read) this.knowledgeChanged(uri, read.text);
      else this.host.log(`Skipped ${toPath(uri)}: ${read.skipped}`);
    } else if (kind === 'note' && !this.open.has(uri)) {
      await this.readNote(uri);
    }
  }

  private fileDeleted(uri: string): void {
    if (this.knowledge.deleteUserFile(uri)) {
      this.publisher.clear(uri);
      return this.rebuildKnowledge();
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

  private async readNote(uri: string): Promise<void> {
    const read = await this.workspace.read(toPath(uri));
    if ('skipped' in read) {
      this.host.log(`Skipped ${toPath(uri)}: ${read.skipped}`);
      if (!this.open.has(uri)) this.index.removeDocument(uri);
    } else if (!this.open.has(uri)) {
      this.index.setDocument(uri, read.text, formatOf(uri));
    }
    this.publishOpen();
    this.scheduleChanged();
  }

  // ---- knowledge

  private knowledgeChanged(uri: string, text: string): void {
    this.knowledge.setUserFile(uri, text);
    this.rebuildKnowledge();
  }

  private rebuildKnowledge(): void {
    this.index.setKnowledge(this.knowledge.rebuild((id) => this.index.peopleNamed.isNamed(id), this.settings.packs));
    this.publishAll();
    this.scheduleChanged();
  }

  /** After notes changed: a pack turns on or off by itself when the people the notes name say so. */
  private reconsiderPacks(): boolean {
    if (!this.knowledge.packsChanged((id) => this.index.peopleNamed.isNamed(id), this.settings.packs)) return false;
    this.rebuildKnowledge();
    this.host.log(
      `Knowledge packs now on: ${
        this.knowledge.packs
          .filter((p) => p.active)
          .map((p) => p.name)
          .join(', ') || 'none'
      }`,
    );
    return true;
  }

  knowledgeFile(uri: string): KnowledgeFile | undefined {
    return this.knowledge.userFile(uri);
  }

  /** The user's own knowledge files, for writing accepted variants. */
  userKnowledgeFiles(): KnowledgeFile[] {
    return this.knowledge.user();
  }

  private isKnowledgeUri(uri: string): boolean {
    return this.knowledge.isUserFile(uri) || this.classify(uri) === 'knowledge';
  }

  /** What a file of the workspace is; outside every workspace folder a file is indexed only while open. */
  private classify(uri: string): 'note' | 'knowledge' | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const relative = relativePath(this.roots, toPath(uri));
    return relative === undefined ? undefined : this.matcher.classify(relative);
  }

  // ---- what the client sees

  /** A document's current text: the editor's if open, else the workspace's. */
  textOf(uri: string): Promise<string | undefined> {
    return this.open.textOf(uri, this.workspace);
  }

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
    return {
      notes: this.index.documentCount,
      entities,
      people: byKind.person,
      trials: byKind.trial,
      causes: byKind.cause,
      events: byKind.event,
      packs: this.knowledge.packs,
    };
  }

  /**
   * Diagnostics for open notes (names may resolve differently after any change). `edited`: the note
   * an edit just changed, whose diagnostics are sent even when they are as before.
   */
  private publishOpen(edited?: string): void {
    // While the notes' definitions are made again, their mentions are not yet what the names say: the
    // background resolver publishes when it is done.
    if (this.index.defining) return;
    for (const { uri } of this.open.all()) {
      if (!this.isKnowledgeUri(uri)) this.publisher.note(this.index, uri, this.settings, uri === edited);
    }
  }

  private publishAll(): void {
    this.publishOpen();
    this.publisher.knowledge(this.knowledge);
  }

  /** After a quiet moment: a burst of file events re-resolves the notes once, not once per event. */
  private scheduleChanged(): void {
    this.keeper.changed();
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.changedTimer = setTimeout(() => {
      this.changedTimer = undefined;
      // Before the first index is done, the counts are those of the notes opened so far: indexReady will tell.
      if (!this.firstIndexDone) return;
      // An edit still waiting for its debounce will announce itself: a change now would not include it.
      if (this.edits.size > 0) return;
      if (this.reconsiderPacks()) return;
      this.resolver.start(
        () => this.index,
        () => {
          this.publishOpen();
          this.scheduleChanged();
        },
      );
      // Counts now would leave out what is not defined yet: the background resolve announces them when done.
      if (this.index.defining) return;
      // As things stand: resolving everything here would block; the background resolve announces the rest.
      this.host.indexChanged({ ...this.counts(false), version: this.index.version });
    }, CHANGED_NOTIFY_DELAY_MS);
  }

  /** After an edit: once no other edit comes for a moment, the young generation is collected if it is nearly full. */
  private collectYoungOnceIdle(): void {
    if (!this.host.collectYoung) return;
    clearTimeout(this.collectTimer);
    this.collectTimer = setTimeout(() => this.host.collectYoung?.(), COLLECT_YOUNG_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.collectTimer);
    this.edits.dispose();
    this.watching.dispose();
    if (this.changedTimer) clearTimeout(this.changedTimer);
    this.keeper.dispose();
  }
}
