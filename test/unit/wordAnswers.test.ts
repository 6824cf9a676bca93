// The name table's answers about single words, kept by word number, change as soon as the names do.
import * as assert from 'node:assert/strict';
import { NameTable } from '../../server/src/index/nameTable';
import { wordNumber } from '../../server/src/notes/wordNumbers';

describe('Answers about one word, by its number', () => {
  it('follow a name a note adds and then takes away', () => {
    const names = new NameTable();
    const word = wordNumber('Voroshilov');
    assert.equal(names.resolveWordAlone(word), names.resolve('voroshilov'));
    assert.equal(names.longestFromWord(word), 0);
    assert.equal(names.isNoteNameWord(word), false);
    names.addNoteName('voroshilov', 'person:voroshilov', 'person', 'Voroshilov');
    assert.equal(names.resolveWordAlone(word)?.id, 'person:voroshilov');
    assert.equal(names.longestFromWord(word), 1);
    assert.equal(names.isNoteNameWord(word), true);
    names.removeNoteName('voroshilov', 'person:voroshilov', 'person', 'Voroshilov');
    assert.equal(names.resolveWordAlone(word), undefined);
    assert.equal(names.isNoteNameWord(word), false);
  });

  it('see a longer name that starts with the word', () => {
    const names = new NameTable();
    const word = wordNumber('Kronstadt');
    names.addNoteName('kronstadt', 'event:kronstadt', 'event', 'Kronstadt');
    assert.equal(names.longestFromWord(word), 1);
    names.addNoteName('kronstadt rebellion', 'event:kronstadt-rebellion', 'event', 'Kronstadt rebellion');
    assert.equal(names.longestFromWord(word), 2);
  });

  it('take a misspelling for a person a note defines after the word was first asked about', () => {
    const names = new NameTable();
    const word = wordNumber('Tukhachevski');
    assert.equal(names.resolveUnknownWord(word), undefined);
    names.addNoteName('tukhachevsky', 'person:tukhachevsky', 'person', 'Tukhachevsky');
    assert.deepEqual(names.resolveUnknownWord(word), names.resolveWord('tukhachevski', 'Tukhachevski'));
    assert.equal(names.resolveUnknownWord(word)?.id, 'person:tukhachevsky');
  });

  it('are forgotten when every note name is', () => {
    const names = new NameTable();
    const word = wordNumber('Yezhov');
    names.addNoteName('yezhov', 'person:yezhov', 'person', 'Yezhov');
    assert.equal(names.resolveWordAlone(word)?.id, 'person:yezhov');
    names.clearNoteNames();
    assert.equal(names.resolveWordAlone(word), undefined);
  });
});
