// The English dictionaries: what counts as a word (any inflection, British or American), what is only
// a name, and that names never count as misspellings of the knowledge's people.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import nspell from 'nspell';
import { english, englishProblem, readEnglishInSlices } from '../../server/src/words/english';
import { isGivenName } from '../../server/src/words/givenNames';
import { isPeopleName } from '../../server/src/words/surnames';
import { isTitle, isTwoWordTitle } from '../../server/src/words/titles';

describe('words: English', () => {
  it('loads the Hunspell dictionaries, not the fallback list', () => {
    assert.equal(englishProblem(), undefined);
  });

  it('knows ordinary words in any inflection and either spelling', () => {
    for (const word of [
      'Wages',
      'Turns',
      'Broken',
      'Please',
      "Don't",
      'Don’t',
      'Kernel',
      'Station',
      'colour',
      'organisation',
      'collectivisation',
      'Pattern',
    ]) {
      assert.ok(english().knows(word), word);
    }
  });

  it('tells an ordinary word from a name the dictionary lists', () => {
    assert.ok(english().knows('Stalin') && !english().isCommon('Stalin'), 'Stalin is a name, not a word');
    assert.ok(english().isCommon('Grant') && english().isCommon('Station'));
    assert.ok(!english().knows('Zionev') && !english().knows('Bukarin') && !english().knows('TODO'));
  });

  it('reads the same dictionary in slices as at once, compound rules (`22nd`) included', async () => {
    let pauses = 0;
    const sliced = await readEnglishInSlices(() => {
      pauses++;
      return Promise.resolve();
    });
    assert.ok(pauses > 20, `read in ${pauses} slices`);
    // Every 97th line of the American dictionary, in its own case and capitalised, and words that are not words.
    const dic = readFileSync(path.join(__dirname, '..', '..', '..', 'node_modules', 'dictionary-en', 'index.dic'), 'utf8')
      .split('\n')
      .slice(1);
    const words = dic.filter((_, i) => i % 97 === 0).map((line) => line.split('/')[0]);
    const capitalised = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
    const others = ['1st', '22nd', '103rd', '11th', '22th', 'Wages', "Don't", 'colour', 'Zionev', 'Bukarin', 'Stalins', 'Kamenev'];
    let known = 0;
    for (const word of [...words, ...capitalised, ...others]) {
      assert.equal(sliced.knows(word), english().knows(word), word);
      if (english().knows(word)) known++;
    }
    assert.ok(known > words.length, 'most sampled words are known');
    assert.ok(sliced.knows('22nd') && !sliced.knows('22th') && !sliced.knows('Zionev'));
  });

  it('knows the same words as both whole dictionaries, though it reads the lines they share once', () => {
    const folder = path.join(__dirname, '..', '..', '..', 'node_modules');
    const whole = ['dictionary-en', 'dictionary-en-gb'].map((module) =>
      nspell(readFileSync(path.join(folder, module, 'index.aff')), readFileSync(path.join(folder, module, 'index.dic'))),
    );
    const british = readFileSync(path.join(folder, 'dictionary-en-gb', 'index.dic'), 'utf8')
      .split('\n')
      .slice(1);
    const stems = british.map((line) => line.split('/')[0]).filter((word) => word !== '');
    // Inflected, in every case, and the shapes of the compound rules (`22nd`, `11th`, not `1th`), which the shared lines feed.
    const inflected = stems.flatMap((w) => [w, `${w}s`, `${w}ed`, `${w}ing`, `${w}'s`]);
    const words = [
      ...inflected.flatMap((w) => [w, w.toLowerCase(), w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()]),
      ...['1st', '21st', '22nd', '103rd', '11th', '1th', '2th', '22th', 'mp', 'n1t', 'Kompass', 'Zionev', 'colour', 'color'],
    ];
    const mismatched = words.filter((w) => english().knowsKey(w) !== whole.some((speller) => speller.correct(w)));
    assert.deepEqual(mismatched.slice(0, 10), []);
    assert.ok(english().knowsKey('colour') && english().knowsKey('22nd') && !english().knowsKey('1th'));
  });
});

describe('words: names and titles', () => {
  it('knows given names from many languages', () => {
    for (const name of ['Thomas', 'Langston', 'Sergei', 'Vyacheslav', 'Heinrich', 'Walter', 'Nadezhda']) assert.ok(isGivenName(name), name);
    assert.ok(!isGivenName('Stalin') && !isGivenName('Station'));
  });

  it('tells a surname that is also a word from a word no one is named', () => {
    for (const name of ['Parks', 'Baker', 'Hoover', 'Grant']) assert.ok(isPeopleName(name), name);
    for (const word of ['People', 'Cases', 'Office', 'Street', 'Hall']) assert.ok(!isPeopleName(word), word);
  });

  it('knows titles, with or without a full stop, and titles of two words', () => {
    assert.ok(isTitle('President') && isTitle('Dr.') && isTitle('Tsar'));
    assert.ok(isTwoWordTitle('Field', 'Marshal') && isTwoWordTitle('Prime', 'Minister'));
    assert.ok(!isTitle('Station'));
  });
});
