// The name table's answers kept by word number (longestFromWord) follow the names: a longer name, a
// name gone with the notes' names, and new knowledge each change them at once.
import * as assert from 'node:assert/strict';
import { KnowledgeBase } from '../../server/src/knowledge/base';
import type { KnowledgeFile } from '../../server/src/knowledge/model';
import { NameTable } from '../../server/src/index/nameTable';
import { wordNumber } from '../../server/src/notes/wordNumbers';

function knowledgeNaming(name: string): KnowledgeBase {
  const file: KnowledgeFile = {
    uri: 'file:///k.history.json',
    includes: [],
    entries: [{ id: 'congress', kind: 'event', name }],
    locations: new Map([['congress', { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }]]),
    problems: [],
    bundled: false,
  };
  return new KnowledgeBase([file]);
}

describe('The name table by word number', () => {
  it('answers how long the names starting with a word are, as the names change', () => {
    const names = new NameTable();
    names.setKnowledge(knowledgeNaming('Congress of Victors'));
    const congress = wordNumber('Congress');
    // Any spelling of the word: its key is what counts.
    const shouted = wordNumber('CONGRESS');
    assert.equal(names.longestFromWord(congress), 3);
    assert.equal(names.longestFromWord(shouted), 3);
    assert.equal(names.longestFromWord(wordNumber('Victors')), 0);
    names.addNoteName('congress of the victors of 1934', 'event:congress-of-the-victors', 'event', 'Congress of the Victors of 1934');
    assert.equal(names.longestFromWord(congress), 6);
    assert.equal(names.longestFromWord(shouted), 6);
    names.addNoteName('victors', 'person:victors', 'person', 'Victors');
    assert.equal(names.longestFromWord(wordNumber('Victors')), 1);
    names.clearNoteNames();
    assert.equal(names.longestFromWord(congress), 3);
    assert.equal(names.longestFromWord(wordNumber('Victors')), 0);
    names.setKnowledge(knowledgeNaming('Congress'));
    assert.equal(names.longestFromWord(congress), 1);
  });

  it("forgets what the notes' names made of a word once they are cleared, with no knowledge to measure again", () => {
    const names = new NameTable();
    const yezhov = wordNumber('Yezhov');
    names.addNoteName('yezhov', 'person:yezhov', 'person', 'Yezhov');
    assert.equal(names.longestFromWord(yezhov), 1);
    names.clearNoteNames();
    assert.equal(names.longestFromWord(yezhov), 0);
  });
});
