// Names for Code Spell Checker, when it is installed: the words of the active packs' and the notes'
// names become a dictionary it reads, registered through its API the way its dictionary extensions
// register theirs, and kept current as the index changes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SpellingWordsRequest, type IndexCounts } from '../../server/src/protocol';
import { writeSpellingDictionary } from './spellingDictionary';

export const CODE_SPELL_CHECKER = 'streetsidesoftware.code-spell-checker';

interface CodeSpellCheckerApi {
  registerConfig?(configPath: string): unknown;
}

export function registerSpellingDictionary(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  indexChanged: vscode.Event<IndexCounts>,
  output: vscode.LogOutputChannel,
): void {
  let lastWords = '';
  let registered = false;
  const update = async (): Promise<void> => {
    const spellChecker = vscode.extensions.getExtension<CodeSpellCheckerApi>(CODE_SPELL_CHECKER);
    const running = client();
    if (!spellChecker || !running?.isRunning()) return;
    // Turned off after registering: an empty list takes the names back.
    const share = vscode.workspace.getConfiguration('historyNotes').get<boolean>('spellChecker.shareNames', true);
    if (!share && !registered) return;
    const { words } = share ? await running.sendRequest(SpellingWordsRequest.type, {}) : { words: [] };
    const text = words.join('\n');
    if (text === lastWords && registered) return;
    lastWords = text;
    const configPath = await writeSpellingDictionary(context.globalStorageUri.fsPath, words);
    if (registered) return;
    const api = await spellChecker.activate();
    await api?.registerConfig?.(configPath);
    registered = true;
    output.info(`History Notes gave Code Spell Checker ${words.length} name words (${configPath}).`);
  };
  const run = (): void =>
    void update().catch((error: unknown) => output.warn(`Code Spell Checker did not take the names: ${String(error)}`));
  // Installed after us, or enabled later: the next change to the extensions registers the names.
  context.subscriptions.push(
    indexChanged(run),
    vscode.extensions.onDidChange(run),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('historyNotes.spellChecker') && run()),
  );
}
