// The knowledge the session answers from: the bundled packs, the user's own knowledge files (an open
// one as the editor holds it), and which packs are on.
import { KnowledgeBase } from '../knowledge/base';
import { loadKnowledgeFile } from '../knowledge/load';
import type { KnowledgeFile } from '../knowledge/model';
import { chooseKnowledge, choosePacks, packsOf, samePacks, type KnowledgePack, type PackSetting, type PackState } from '../knowledge/packs';

export class KnowledgeState {
  private bundled: KnowledgeFile[] = [];
  private bundledPacks: KnowledgePack[] = [];
  private readonly userFiles = new Map<string, KnowledgeFile>();
  packs: PackState[] = [];
  base = new KnowledgeBase([]);

  /** Takes what a first load read and chose. */
  reset(files: readonly KnowledgeFile[], base: KnowledgeBase, packs: PackState[]): void {
    this.bundled = files.filter((f) => f.bundled);
    this.bundledPacks = packsOf(this.bundled);
    this.userFiles.clear();
    for (const file of files) if (!file.bundled) this.userFiles.set(file.uri, file);
    this.base = base;
    this.packs = packs;
  }

  isUserFile(uri: string): boolean {
    return this.userFiles.has(uri);
  }

  userFile(uri: string): KnowledgeFile | undefined {
    return this.userFiles.get(uri);
  }

  /** The user's files, in the order they take precedence. */
  user(): KnowledgeFile[] {
    return [...this.userFiles.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
  }

  /** A user's file was written or edited: read it again (a broken one keeps only its problems). */
  setUserFile(uri: string, text: string): void {
    this.userFiles.set(uri, loadKnowledgeFile(uri, text));
  }

  deleteUserFile(uri: string): boolean {
    return this.userFiles.delete(uri);
  }

  /** Chooses the packs again and builds the knowledge base of those on and the user's files. */
  rebuild(isNamed: (personId: string) => boolean, setting: PackSetting): KnowledgeBase {
    const chosen = chooseKnowledge([...this.bundled, ...this.user()], isNamed, setting);
    this.packs = chosen.packs;
    this.base = chosen.base;
    return chosen.base;
  }

  /** Whether the notes now turn on other packs than those on (then a rebuild is due). */
  packsChanged(isNamed: (personId: string) => boolean, setting: PackSetting): boolean {
    const now = choosePacks(this.bundledPacks, isNamed, setting);
    if (!samePacks(now, this.packs)) return true;
    this.packs = now;
    return false;
  }
}
