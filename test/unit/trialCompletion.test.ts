// Completion after `Trial of the` in a folder that defines more trials than a list can show.
import * as assert from 'node:assert/strict';
import { provideCompletion } from '../../server/src/features/completion';
import { NotesIndex } from '../../server/src/index/notesIndex';

const TOWNS = Array.from(
  { length: 150 },
  (_, i) => `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}ford`,
);

function trialsNote(towns: readonly string[]): string {
  return [
    'Trials',
    '',
    ...towns.map((town) => `  • Trial of the Millers of ${town} – the millers were accused of hoarding grain.`),
    '',
  ].join('\n');
}

function complete(index: NotesIndex, line: string): ReturnType<typeof provideCompletion> {
  return provideCompletion(index, line, { line: 0, character: line.length });
}

describe('Completion of trial names', () => {
  const index = new NotesIndex();
  index.setDocument('file:///notes/trials.txt', trialsNote(TOWNS), 'plain');

  it('offers the first hundred of 150 trials, and says the list is incomplete', () => {
    const list = complete(index, 'In 1930 came the Trial of the ');
    assert.equal(list.items.length, 100);
    assert.equal(list.isIncomplete, true);
    assert.equal(new Set(list.items.map((item) => item.label)).size, 100);
    for (const item of list.items) assert.match(item.label, /^Trial of the Millers of \w+ford$/);
  });

  it('narrows to what is typed, complete when few match', () => {
    const list = complete(index, 'In 1930 came the Trial of the Ba');
    assert.equal(list.isIncomplete, false);
    const expected = TOWNS.filter((town) => town.toLowerCase().includes('ba')).map((town) => `Trial of the Millers of ${town}`);
    assert.ok(expected.length > 0 && expected.length < 100);
    assert.deepEqual(list.items.map((item) => item.label).sort(), expected.sort());
  });
});
