// The status bar item: what the index holds (people, trials, causes), and a spinner while indexing.
import * as vscode from 'vscode';
import type { IndexCounts } from '../../server/src/protocol';

export class IndexStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('historyNotes.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'History Notes';
    this.item.command = 'historyNotes.find';
    this.indexing();
    this.item.show();
  }

  indexing(): void {
    this.item.text = '$(sync~spin) Indexing notes…';
    this.item.tooltip = 'History Notes is reading your notes';
  }

  stopped(): void {
    this.item.text = '$(warning) History Notes';
    this.item.tooltip = 'The History Notes server is not running. Run "History Notes: Restart Language Server".';
    this.item.command = 'historyNotes.restartServer';
  }

  show(counts: IndexCounts): void {
    this.item.text = `$(book) ${counts.people} people · ${counts.trials} trials · ${counts.causes} causes`;
    const on = counts.packs.filter((p) => p.active).map((p) => p.name);
    const packs =
      on.length > 0 ? `Knowledge packs on: ${on.join(', ')}.` : 'No knowledge pack is on: only what your notes define is known.';
    this.item.tooltip =
      `${counts.notes} notes indexed: ${counts.people} people, ${counts.trials} trials, ${counts.causes} causes, ` +
      `${counts.events} events. ${packs} Click to find one.`;
    this.item.command = 'historyNotes.find';
  }

  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  dispose(): void {
    this.item.dispose();
  }
}
