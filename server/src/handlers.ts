// Routes LSP requests to the feature providers, each through `Wiring.answer`: the standard language
// features, the accept-variant command, and History Notes' own requests (protocol.ts).
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { acceptVariant } from './features/acceptVariant';
import { buildCard, renderMarkdown } from './features/card';
import { provideCodeActions } from './features/codeActions';
import { provideCompletion, type CompletionData } from './features/completion';
import { provideCoverage } from './features/coverage';
import { provideDefinition } from './features/definition';
import { knowledgeCardPage } from './features/knowledgeCard';
import { provideEntities, provideMentions } from './features/entities';
import { provideHover } from './features/hover';
import { provideDocumentHighlights, provideReferences } from './features/references';
import { prepareRename, provideRename } from './features/rename';
import { buildRevisionSheet } from './features/revisionSheet';
import { spellingWords } from './features/spellingWords';
import { provideSemanticTokens } from './features/semanticTokens';
import { provideDocumentSymbols, provideFoldingRanges, provideWorkspaceSymbols } from './features/symbols';
import { provideTimeline } from './features/timeline';
import {
  Commands,
  CoverageRequest,
  EntitiesRequest,
  KnowledgeCardRequest,
  MentionsRequest,
  RevisionSheetRequest,
  SpellingWordsRequest,
  TimelineRequest,
} from './protocol';
import { inParts } from './partialResults';
import { toPath } from './workspace/files';
import type { NotesIndex } from './index/notesIndex';
import type { Wiring } from './wiring';

export function registerLanguageFeatures(wiring: Wiring): void {
  const { connection } = wiring;
  const index = (): NotesIndex => wiring.session.index;
  connection.onHover(({ textDocument, position }, token) =>
    wiring.answer(textDocument.uri, token, null, () => provideHover(index(), textDocument.uri, position, wiring.describe)),
  );
  connection.onDefinition(({ textDocument, position }, token) =>
    wiring.answer(textDocument.uri, token, [], () => provideDefinition(index(), textDocument.uri, position)),
  );
  connection.onDeclaration(({ textDocument, position }, token) =>
    wiring.answer(textDocument.uri, token, [], () => provideDefinition(index(), textDocument.uri, position)),
  );
  connection.onReferences(({ textDocument, position, context }, token, _workDone, resultProgress) =>
    wiring.answer(textDocument.uri, token, [], () =>
      inParts(provideReferences(index(), textDocument.uri, position, context.includeDeclaration, token), resultProgress, token),
    ),
  );
  connection.onDocumentHighlight(({ textDocument, position }, token) =>
    wiring.answer(textDocument.uri, token, [], () => provideDocumentHighlights(index(), textDocument.uri, position)),
  );
  connection.onPrepareRename(({ textDocument, position }, token) =>
    wiring.answer(textDocument.uri, token, null, () => prepareRename(index(), textDocument.uri, position)),
  );
  connection.onRenameRequest(({ textDocument, position, newName }, token) =>
    wiring.answer(textDocument.uri, token, null, () => provideRename(index(), textDocument.uri, position, newName)),
  );

  connection.onCompletion(({ textDocument, position }, token) =>
    wiring.answer(textDocument.uri, token, { isIncomplete: false, items: [] }, () => {
      const document = wiring.documents.get(textDocument.uri);
      const line =
        document
          ?.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } })
          .replace(/\r?\n$/, '') ?? '';
      return provideCompletion(index(), line, position);
    }),
  );
  connection.onCompletionResolve((item) =>
    wiring.answerAside(() => {
      const data = item.data as CompletionData | undefined;
      const entity = data && index().entity(data.id);
      if (entity) item.documentation = { kind: 'markdown', value: renderMarkdown(buildCard(index(), entity), wiring.describe) };
      return item;
    }),
  );

  connection.onDocumentSymbol(({ textDocument }, token) =>
    wiring.answer(textDocument.uri, token, [], () => provideDocumentSymbols(index(), textDocument.uri)),
  );
  connection.onFoldingRanges(({ textDocument }, token) =>
    wiring.answer(textDocument.uri, token, [], () => provideFoldingRanges(index(), textDocument.uri)),
  );
  connection.onWorkspaceSymbol(({ query }, token) => wiring.answer(undefined, token, [], () => provideWorkspaceSymbols(index(), query)));
  connection.onCodeAction(({ textDocument, range, context }, token) =>
    wiring.answer(textDocument.uri, token, [], () =>
      provideCodeActions(index(), textDocument.uri, range, context.diagnostics, Commands.acceptVariant),
    ),
  );
  connection.languages.semanticTokens.on(({ textDocument }, token) =>
    wiring.answer(textDocument.uri, token, { data: [] }, () => provideSemanticTokens(index(), textDocument.uri)),
  );
}

export function registerHistoryRequests(wiring: Wiring): void {
  const { connection } = wiring;
  const index = (): NotesIndex => wiring.session.index;
  connection.onExecuteCommand(({ command, arguments: args }, token) =>
    wiring.answer(undefined, token, null, async () => {
      if (command !== Commands.acceptVariant) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${command}`);
      const [variant, entityId] = (args ?? []) as [unknown, unknown];
      const entity = typeof entityId === 'string' ? index().entity(entityId) : undefined;
      if (typeof variant !== 'string' || !entity) return null;
      const context = {
        files: wiring.session.userKnowledgeFiles(),
        textOf: (uri: string) => wiring.session.textOf(uri),
        folder: wiring.session.roots[0],
        exists: async (file: string) => (await wiring.workspace.stat(file)) !== undefined,
      };
      const edit = await acceptVariant(context, entity, variant);
      if (!edit) return null;
      const result = await connection.workspace.applyEdit({ label: `Accept '${variant}'`, edit });
      return result.applied;
    }),
  );

  connection.onRequest(EntitiesRequest.type, (params, token) =>
    wiring.answer(undefined, token, { version: 0, entities: [] }, () => provideEntities(index(), params ?? {}, wiring.describe, token)),
  );
  connection.onRequest(TimelineRequest.type, (params, token) =>
    wiring.answer(undefined, token, { version: 0, items: [] }, () => provideTimeline(index(), params ?? {}, wiring.describe, token)),
  );
  connection.onRequest(CoverageRequest.type, (params, token) =>
    wiring.answer(undefined, token, { version: 0, essay: false, groups: [] }, () =>
      provideCoverage(index(), params.uri, (uri) => wiring.session.isEssay(uri)),
    ),
  );
  connection.onRequest(RevisionSheetRequest.type, (params, token) =>
    wiring.answer(undefined, token, { markdown: '' }, () => ({
      markdown: buildRevisionSheet(index(), params?.scope, scopeTitle(params?.scope, wiring.session.roots), wiring.describe, token),
    })),
  );
  connection.onRequest(SpellingWordsRequest.type, (_params, token) =>
    wiring.answer(undefined, token, { words: [] }, () => ({ words: spellingWords(index()) })),
  );
  connection.onRequest(KnowledgeCardRequest.type, (params, token) =>
    wiring.answer(undefined, token, { markdown: '' }, () => knowledgeCardPage(index(), params.id, wiring.describe)),
  );
  connection.onRequest(MentionsRequest.type, (params, token) =>
    wiring.answer(undefined, token, [], () => provideMentions(index(), params.id)),
  );
}

/** What a revision sheet is for: the folder's name, else the workspace's. */
function scopeTitle(scope: string | undefined, roots: readonly string[]): string {
  if (scope?.startsWith('file:')) return path.basename(toPath(scope));
  return roots.length > 0 ? path.basename(roots[0]) : 'your notes';
}
