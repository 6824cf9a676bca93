// A seeded, reproducible corpus of students' history notes for the benchmark: half plain text (.txt),
// half Markdown (.md), in the shapes of /work/shared/docs/NOTES-FORMAT.md. Names come from the bundled
// knowledge (people, trial aliases, events, causes) and from invented people, causes and trials, about
// ten new ones per note, so the number of distinct entities grows with the corpus. The generator
// records where it wrote every name, heading and link, so the benchmark can aim its requests.
//
//   node out/bench/corpus.js --notes 1000 [--seed 1] [--out DIR]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Random } from '../test/support/random';

export const REPO = path.resolve(__dirname, '..', '..');
export const KNOWLEDGE_FILE = path.join(REPO, 'data', 'soviet-union-1917-1953.history.json');

export type NameKind = 'person' | 'trial' | 'cause' | 'event';

/** Where a name was written: [start, end) in UTF-16 code units on `line`, as LSP counts. */
export interface NamePosition {
  line: number;
  start: number;
  end: number;
  text: string;
  kind: NameKind;
  /** An invented name, not in the bundled knowledge. */
  generated: boolean;
}

/** A Markdown heading or the fragment of a link, for the Markdown service's references. */
export interface Anchor {
  line: number;
  character: number;
}

export interface NoteInfo {
  /** Relative to the corpus folder, with `/`. */
  file: string;
  format: 'plain' | 'markdown';
  bytes: number;
  lineCount: number;
  names: NamePosition[];
  headings: Anchor[];
  links: Anchor[];
}

export interface Corpus {
  dir: string;
  seed: number;
  notes: NoteInfo[];
  bytes: number;
  /** Invented people, causes and trials written into the notes. */
  generated: { people: number; causes: number; trials: number };
  /** Every distinct name written (for completion prefixes). */
  knownNames: string[];
}

export interface CorpusOptions {
  notes: number;
  seed?: number;
  /** Where to write; a new temporary folder when absent. */
  out?: string;
  /** Keep the note texts in memory (the returned notes' `text`). */
  keepText?: boolean;
}

// ---- a small seeded PRNG

export { Random } from '../test/support/random';

// ---- the bundled knowledge

interface KnowledgeEntry {
  id: string;
  kind: string;
  name: string;
  aliases?: string[];
  misspellings?: string[];
  date?: string;
  defendants?: string[];
}

interface Knowledge {
  people: { id: string; surname: string }[];
  trials: { heading: string; defendants: string[]; year: string }[];
  events: { name: string; year: string }[];
  causes: string[];
  /** Every single-word spelling of a known person, to keep invented names clear of them. */
  personKeys: string[];
}

const CONNECTORS = new Set(['of', 'the', 'and']);

/** A name the server sees as one phrase: capitalised words, numbers and `of`/`the` between them. */
function isPhraseLike(name: string): boolean {
  const words = name.split(/\s+/);
  return words.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && i < words.length - 1 && CONNECTORS.has(w))) && !/[()",]/.test(name);
}

export function loadKnowledge(file = KNOWLEDGE_FILE): Knowledge {
  const entries = (JSON.parse(fs.readFileSync(file, 'utf8')) as { entities: KnowledgeEntry[] }).entities;
  const byId = new Map(entries.map((e) => [e.id, e]));
  const surname = (e: KnowledgeEntry): string => e.name.split(/\s+/).pop()!;
  const people = entries.filter((e) => e.kind === 'person').map((e) => ({ id: e.id, surname: surname(e) }));
  const trials = entries
    .filter((e) => e.kind === 'trial')
    .flatMap((e) => {
      const heading = [e.name, ...(e.aliases ?? [])].find((n) => /^Trial of the (\d+|Generals)$/.test(n));
      const defendants = (e.defendants ?? [])
        .map((id) => byId.get(id))
        .filter((d): d is KnowledgeEntry => d !== undefined)
        .map(surname);
      return heading && defendants.length >= 2 ? [{ heading, defendants, year: (e.date ?? '1937').slice(0, 4) }] : [];
    });
  const events = entries
    .filter((e) => e.kind === 'event' && e.date && isPhraseLike(e.name))
    .map((e) => ({ name: e.name, year: e.date!.slice(0, 4) }));
  // Causes as students write them (NOTES-FORMAT.md), then the knowledge base's own spellings.
  const causes = ['Stalins Paranoia', "Lenin's police state", 'Economics', 'Congress of Victors 1934', "Kirov's Murder"];
  for (const e of entries.filter((x) => x.kind === 'cause'))
    for (const n of [e.name, ...(e.aliases ?? [])]) if (n.split(/\s+/).length <= 5 && !causes.includes(n)) causes.push(n);
  const personKeys = new Set<string>();
  for (const e of entries.filter((x) => x.kind === 'person')) {
    for (const n of [e.name, ...(e.aliases ?? []), ...(e.misspellings ?? []), surname(e)])
      if (!n.includes(' ')) personKeys.add(n.toLowerCase());
  }
  return { people, trials, events, causes, personKeys: [...personKeys] };
}

// ---- invented names

const ONSETS = [
  'B',
  'D',
  'G',
  'K',
  'L',
  'M',
  'N',
  'P',
  'R',
  'S',
  'T',
  'V',
  'Z',
  'Br',
  'Dr',
  'Gr',
  'Kr',
  'Pl',
  'St',
  'Tr',
  'Vl',
  'Zh',
  'Sh',
  'Ch',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u'];
const MIDDLES = ['r', 'l', 'n', 'm', 'v', 'sk', 'sh', 'd', 't', 'k', 'z', 'ld', 'rn', 'lm', 'st', 'br', 'dr', 'gr', 'ch', 'zh'];
const PERSON_ENDINGS = ['nov', 'sh', 'v', 'rin', 'k', 'nik', 'ts', 'lev', 'sky', 'din', 'mir', 'gan', 'zov', 'tin', 'rov', 'ch'];
const PLACE_ENDINGS = ['sk', 'grad', 'vo', 'insk', 'ets', 'ino', 'ograd', 'avets', 'ansk', 'opol', 'ovka', 'iya'];

/** The server's test for a misspelling of a known person (server/src/notes/names.ts), so invented names never fold into one. */
function nearKnown(candidate: string, known: string): boolean {
  if (candidate === known) return true;
  if (candidate[0] !== known[0] || Math.abs(candidate.length - known.length) > 3) return false;
  return editDistance(candidate, known) <= 3;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length];
}

/** Onset-vowel-middle-vowel-ending words (`Varonov`, `Keldash`, `Trevask`), each index once, in a seeded order. */
class WordMaker {
  /** How far each walk (two syllables, three) has gone. */
  private readonly counters = [0, 0];
  private readonly total: number;
  private readonly offset: number;
  constructor(
    private readonly endings: readonly string[],
    seed: number,
    private readonly taken: Set<string>,
    private readonly avoid: readonly string[],
  ) {
    this.total = ONSETS.length * VOWELS.length * MIDDLES.length * VOWELS.length * endings.length;
    this.offset = Math.floor(new Random(seed).next() * this.total);
  }
  next(): string {
    // Two syllables first; three once those run out (beyond 10,000 notes), so smaller corpora stay as they were.
    for (const syllables of [2, 3]) {
      const total = this.total * (syllables === 3 ? MIDDLES.length * VOWELS.length : 1);
      if (total % 104729 === 0) throw new Error('the walk over invented names would repeat');
      const walk = syllables - 2;
      while (this.counters[walk] < total) {
        // 104729 is prime and divides no total here, so this walks every index once.
        let i = (this.counters[walk]++ * 104729 + this.offset) % total;
        const digit = (n: number): number => {
          const d = i % n;
          i = Math.floor(i / n);
          return d;
        };
        let word =
          ONSETS[digit(ONSETS.length)] + VOWELS[digit(VOWELS.length)] + MIDDLES[digit(MIDDLES.length)] + VOWELS[digit(VOWELS.length)];
        if (syllables === 3) word += MIDDLES[digit(MIDDLES.length)] + VOWELS[digit(VOWELS.length)];
        word += this.endings[digit(this.endings.length)];
        const key = word.toLowerCase();
        if (this.taken.has(key) || this.avoid.some((k) => nearKnown(key, k))) continue;
        this.taken.add(key);
        return word;
      }
    }
    throw new Error('Ran out of invented names');
  }
}

// ---- writing a note, keeping positions

type Tag = { text: string; kind: NameKind; generated: boolean };
type Part = string | Tag | Part[];

class NoteWriter {
  readonly lines: string[] = [];
  readonly names: NamePosition[] = [];
  readonly headings: Anchor[] = [];
  readonly links: Anchor[] = [];

  line(...parts: Part[]): number {
    const line = this.lines.length;
    let text = '';
    const write = (part: Part): void => {
      if (typeof part === 'string') text += part;
      else if (Array.isArray(part)) part.forEach(write);
      else {
        this.names.push({
          line,
          start: text.length,
          end: text.length + part.text.length,
          text: part.text,
          kind: part.kind,
          generated: part.generated,
        });
        text += part.text;
      }
    };
    parts.forEach(write);
    this.lines.push(text);
    return line;
  }

  blank(): void {
    this.lines.push('');
  }

  /** `## Causes`, remembering where the heading text starts. */
  mdHeading(level: number, ...parts: Part[]): number {
    const line = this.line('#'.repeat(level), ' ', ...parts);
    this.headings.push({ line, character: level + 1 });
    return line;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CRIMES = [
  'spying for Germany and Japan',
  'wrecking in industry',
  'plotting to kill Stalin',
  'sabotage on the railways',
  'forming a terrorist centre',
  'poisoning the water supply',
  'hiding grain from the state',
];
const PLACES = ['Moscow', 'Leningrad', 'Kiev', 'Magnitogorsk', 'Siberia', 'Kharkov', 'Tiflis', 'the Urals'];
const HISTORIANS = ['Robert Conquest', 'J. Arch Getty', 'Oleg Khlevniuk', 'Sheila Fitzpatrick', 'Stephen Kotkin', 'Robert Service'];
const POSTS = ['Party secretary', 'head of the regional NKVD', 'People’s Commissar', 'factory director', 'army commander'];
const CAUSE_NOUNS = [
  'Collapse',
  'Revolt',
  'Famine',
  'Strike',
  'Mutiny',
  'Crisis',
  'Betrayal',
  'Fall',
  'Blockade',
  'Sabotage',
  'Unrest',
  'Scandal',
];
const PERSONAL_CAUSES = ['Plot', 'Letter', 'Platform', 'Rivalry', 'Ambition', 'Defection'];
const TRIAL_GROUPS = ['Bloc', 'Centre', 'Engineers', 'Generals', 'Wreckers', 'Doctors', 'Saboteurs', 'Group'];
const BACKGROUND_TERMS = [
  'Totalitarianism',
  'General Secretary',
  'Cult of personality',
  'Five-year plans',
  'The Gulag',
  'Censorship',
  'Collective farms',
  'Socialist realism',
  'The NKVD',
];
const PLAIN_TITLES = [
  'Stalin - his terror and WW2',
  'The Great Terror - revision notes',
  'Russia 1917-1953 - my notes',
  'Purges and show trials - summary',
  'The USSR under Stalin - notes',
];
const MD_TITLES = ['The Great Terror', 'Stalin and the purges', 'The show trials', 'Terror in the provinces', 'The USSR in the 1930s'];
const CAUSE_HEADINGS = [
  'Causes of the Great Terror',
  'Reasons for the Purges',
  'Why the Terror happened',
  'Causes',
  'Factors behind the Terror',
];
const TRIAL_HEADINGS = ['The Show Trials', 'Trials', 'The trials'];
const PEOPLE_HEADINGS = ['Key People', 'Key figures', "Who's who"];
const EVENT_HEADINGS = ['Events', 'Timeline', 'Chronology'];
const ANALYSIS_HEADINGS = ['Assessment', 'Interpretations', 'Conclusion', 'Consequences'];

interface NoteContext {
  newPeople: string[];
  causes: Tag[];
  trials: Tag[];
}

class CorpusGenerator {
  readonly rng: Random;
  private readonly knowledge: Knowledge;
  private readonly people: WordMaker;
  private readonly places: WordMaker;
  /** Invented people defined so far, to mention in later notes. */
  readonly definedPeople: string[] = [];
  readonly definedCauses: string[] = [];
  readonly definedTrials: string[] = [];

  constructor(seed: number, knowledgeFile?: string) {
    this.rng = new Random(seed);
    this.knowledge = loadKnowledge(knowledgeFile);
    const taken = new Set<string>(this.knowledge.personKeys);
    this.people = new WordMaker(PERSON_ENDINGS, seed * 31 + 7, taken, this.knowledge.personKeys);
    this.places = new WordMaker(PLACE_ENDINGS, seed * 17 + 3, taken, this.knowledge.personKeys);
  }

  // ---- slots

  private tag(text: string, kind: NameKind, generated: boolean): Tag {
    return { text, kind, generated };
  }

  /** A person as written: known or invented, bare, possessive (`Kirov's`, `Kirov’s`), `Stalins`, or misspelt (`Zionev`). */
  person(ctx: NoteContext): Part[] {
    const rng = this.rng;
    let name: string;
    let generated: boolean;
    if (rng.chance(0.4) || this.definedPeople.length === 0) {
      const known = rng.pick(this.knowledge.people);
      name = known.surname;
      generated = false;
      if (name === 'Zinoviev' && rng.chance(0.4)) name = 'Zionev';
      else if (name === 'Bukharin' && rng.chance(0.4)) name = 'Bukarin';
    } else {
      name = ctx.newPeople.length > 0 && rng.chance(0.5) ? rng.pick(ctx.newPeople) : rng.pick(this.definedPeople);
      generated = true;
      // Now and then a slip: two letters swapped inside the name.
      if (rng.chance(0.03) && name.length > 5) {
        const i = rng.int(2, name.length - 3);
        name = name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
      }
    }
    const form = rng.next();
    if (form < 0.12) return [this.tag(name, 'person', generated), "'s"];
    if (form < 0.15) return [this.tag(name, 'person', generated), '’s'];
    if (form < 0.2 && !name.endsWith('s')) return [this.tag(name + 's', 'person', generated)];
    return [this.tag(name, 'person', generated)];
  }

  /** An invented cause (`the Collapse of Trevask`, `Varonov's Plot`), else a known event. */
  cause(ctx: NoteContext): Part[] {
    const own = ctx.causes.filter((c) => c.generated);
    let tag: Tag;
    if (own.length > 0 && this.rng.chance(0.6)) tag = this.rng.pick(own);
    else if (this.definedCauses.length > 0 && this.rng.chance(0.7)) tag = this.tag(this.rng.pick(this.definedCauses), 'cause', true);
    else tag = this.tag(this.rng.pick(this.knowledge.events).name, 'event', false);
    return tag.text.includes("'s ") ? [tag] : ['the ', tag];
  }

  trial(ctx: NoteContext): Part[] {
    if (ctx.trials.length > 0 && this.rng.chance(0.6)) return ['the ', this.rng.pick(ctx.trials)];
    if (this.definedTrials.length > 0 && this.rng.chance(0.5)) return ['the ', this.tag(this.rng.pick(this.definedTrials), 'trial', true)];
    return ['the ', this.tag(this.rng.pick(this.knowledge.trials).heading, 'trial', false)];
  }

  event(): Part[] {
    return ['the ', this.tag(this.rng.pick(this.knowledge.events).name, 'event', false)];
  }

  year(): string {
    return String(this.rng.int(1917, 1953));
  }

  sentence(ctx: NoteContext): Part[] {
    const r = this.rng;
    const P = (): Part[] => this.person(ctx);
    const templates: (() => Part[])[] = [
      () => [
        'In ',
        r.pick(MONTHS),
        ' ',
        this.year(),
        ' ',
        P(),
        ' and ',
        P(),
        ' were accused of ',
        r.pick(CRIMES),
        ' on the orders of ',
        P(),
        '.',
      ],
      () => [
        P(),
        ' had worked with ',
        P(),
        ' in ',
        r.pick(PLACES),
        ' since ',
        this.year(),
        ', which made him an obvious target when ',
        this.cause(ctx),
        ' was blamed on the opposition.',
      ],
      () => [
        'At first ',
        P(),
        ' denied everything, but after weeks of interrogation by the NKVD he confessed to ',
        r.pick(CRIMES),
        ' and named ',
        P(),
        ' as an accomplice.',
      ],
      () => [capitalise(this.trial(ctx)), ' showed how far Stalin was prepared to go — ', P(), ' was shot within a day of the verdict.'],
      () => [
        'Historians such as ',
        r.pick(HISTORIANS),
        ' argue that ',
        this.cause(ctx),
        ' mattered more than ',
        P(),
        ' as General Secretary...However the evidence is thin.',
      ],
      () => [P(), ', ', P(), ', ', P(), ' and ', P(), ' had all opposed Stalin in the 1920s and might lead an opposition if war came.'],
      () => [
        'The NKVD under ',
        P(),
        ' arrested thousands of people in ',
        r.pick(PLACES),
        ' in ',
        this.year(),
        ', and about ',
        String(r.int(2, 900) * 100),
        ' of them were shot.',
      ],
      () => [P(), ' later wrote that ', this.trial(ctx), ' was a farce from beginning to end.'],
      () => ['Many delegates at ', this.event(), ' remembered ', P(), ' and distrusted ', P(), '.'],
      () => ['After ', this.event(), ' the Party was purged again and ', P(), ' lost his post as ', r.pick(POSTS), '.'],
      () => [P(), ' was expelled from the Party in ', this.year(), ', let back in, and arrested again in ', this.year(), '.'],
      () => ['Students often confuse ', this.trial(ctx), ' with ', this.trial(ctx), ', but the defendants were different.'],
      () => [
        capitalise(this.cause(ctx)),
        ' is sometimes linked to ',
        this.cause(ctx),
        ', since both gave Stalin an excuse to strike at ',
        P(),
        '.',
      ],
      () => [P(), ' blamed ', this.cause(ctx), ' on wreckers and saboteurs, and ', P(), ' was made the scapegoat.'],
      () => ['There is no proof that ', P(), ' ordered it, but ', P(), ' certainly profited from it.'],
    ];
    return r.pick(templates)();
  }

  sentences(ctx: NoteContext, min: number, max: number): Part[] {
    const parts: Part[] = [];
    const count = this.rng.int(min, max);
    for (let i = 0; i < count; i++) parts.push(i > 0 ? ' ' : '', this.sentence(ctx));
    return parts;
  }

  // ---- new entities for a note

  private newContext(scale: number): NoteContext {
    const ctx: NoteContext = { newPeople: [], causes: [], trials: [] };
    for (let i = 0; i < 5 * scale; i++) ctx.newPeople.push(this.people.next());
    for (let i = 0; i < 3 * scale; i++) {
      const name = this.rng.chance(0.6)
        ? `${this.rng.pick(CAUSE_NOUNS)} of ${this.places.next()}`
        : `${this.people.next()}'s ${this.rng.pick(PERSONAL_CAUSES)}`;
      ctx.causes.push(this.tag(name, 'cause', true));
    }
    for (let i = 0; i < 2 * scale; i++)
      ctx.trials.push(this.tag(`Trial of the ${this.places.next()} ${this.rng.pick(TRIAL_GROUPS)}`, 'trial', true));
    return ctx;
  }

  private remember(ctx: NoteContext): void {
    this.definedPeople.push(...ctx.newPeople);
    this.definedCauses.push(...ctx.causes.map((c) => c.text));
    this.definedTrials.push(...ctx.trials.map((t) => t.text));
  }

  /** A known cause as a bullet term (`Stalins Paranoia`), a few per note. */
  private knownCauses(count: number): Tag[] {
    const picked = new Set<string>();
    while (picked.size < count) picked.add(this.rng.pick(this.knowledge.causes));
    return [...picked].map((c) => this.tag(c, 'cause', false));
  }

  /** The defendants of a trial on its names line: 2-3 of them, joined by `&` or `,`/`and`. */
  private namesLine(names: Tag[]): Part[] {
    if (names.length === 2 || this.rng.chance(0.6))
      return names.length === 2 ? [names[0], ' & ', names[1]] : [names[0], ', ', names[1], ' & ', names[2]];
    return [names[0], ', ', names[1], ' and ', names[2]];
  }

  private knownTrialNames(trial: Knowledge['trials'][number]): Tag[] {
    return trial.defendants.slice(0, 2).map((d) => {
      const written = d === 'Zinoviev' && this.rng.chance(0.5) ? 'Zionev' : d === 'Bukharin' && this.rng.chance(0.5) ? 'Bukarin' : d;
      return this.tag(written, 'person', false);
    });
  }

  // ---- the two styles

  plainNote(index: number, scale = 1): NoteWriter {
    const r = this.rng;
    const ctx = this.newContext(scale);
    const w = new NoteWriter();
    w.line(`${r.pick(PLAIN_TITLES)} (${index + 1})`);
    w.blank();
    w.line('The Totalitarian Regime');
    w.blank();
    for (let i = 0; i < 2 * scale; i++) w.line('  • ', r.pick(BACKGROUND_TERMS), ' – ', this.sentences(ctx, 1, 2));
    w.blank();

    w.line(r.pick(CAUSE_HEADINGS));
    w.blank();
    const causes = [...ctx.causes, ...this.knownCauses(Math.min(2, this.knowledge.causes.length))];
    for (const cause of shuffle(r, causes)) w.line('  • ', cause, r.chance(0.85) ? ' – ' : ': ', this.sentences(ctx, 1, 3));
    w.blank();

    w.line(r.pick(TRIAL_HEADINGS));
    w.blank();
    const known = r.pick(this.knowledge.trials);
    w.line(this.tag(known.heading, 'trial', false));
    w.blank();
    w.line(this.namesLine(this.knownTrialNames(known)));
    w.line(this.sentences(ctx, 2, 4));
    w.blank();
    let next = 0;
    ctx.trials.forEach((trial, i) => {
      const defendants = ctx.newPeople.slice(next, next + 2);
      next += 2;
      if (i === 0 && this.definedPeople.length > 0) defendants.push(r.pick(this.definedPeople));
      w.line(trial);
      w.blank();
      w.line(this.namesLine(defendants.map((d) => this.tag(d, 'person', true))));
      w.line(this.sentences(ctx, 2, 4));
      w.blank();
    });
    w.line('  • The secret trial of 1937: ', this.sentences(ctx, 1, 2));
    w.blank();

    w.line(r.pick(PEOPLE_HEADINGS));
    w.blank();
    const keyPeople = [
      ...ctx.newPeople.slice(next).map((p) => this.tag(p, 'person', true)),
      this.tag(r.pick(this.knowledge.people).surname, 'person', false),
    ];
    if (this.definedPeople.length > 0) keyPeople.push(this.tag(r.pick(this.definedPeople), 'person', true));
    for (const person of keyPeople) w.line('  • ', person, ' – ', this.sentences(ctx, 1, 2));
    w.blank();

    w.line(r.pick(EVENT_HEADINGS));
    w.blank();
    for (let i = 0; i < 3 * scale; i++) {
      const event = r.pick(this.knowledge.events);
      w.line('  • ', event.year, ' – ', this.tag(event.name, 'event', false), ` (${r.pick(MONTHS)})`);
    }
    for (const trial of ctx.trials) w.line('  • ', String(r.int(1936, 1938)), ' – ', trial, ` (${r.pick(MONTHS)})`);
    w.blank();

    w.line(r.pick(ANALYSIS_HEADINGS));
    w.blank();
    for (let i = 0; i < 2 * scale; i++) {
      w.line(this.sentences(ctx, 3, 5));
      w.blank();
    }
    this.remember(ctx);
    return w;
  }

  markdownNote(index: number, scale = 1, linkTo?: () => string): NoteWriter {
    const r = this.rng;
    const ctx = this.newContext(scale);
    const w = new NoteWriter();
    w.mdHeading(1, `${r.pick(MD_TITLES)} (${index + 1})`);
    w.blank();
    w.line(this.sentences(ctx, 1, 2), linkTo ? ` For the background [see my other notes](${linkTo()}).` : '');
    w.blank();

    w.mdHeading(2, r.pick(CAUSE_HEADINGS));
    w.blank();
    const causes = [...ctx.causes, ...this.knownCauses(2)];
    for (const cause of shuffle(r, causes))
      w.line('- **', cause, '**', r.chance(0.3) ? ` (${this.year()})` : '', r.chance(0.8) ? ' – ' : ': ', this.sentences(ctx, 1, 3));
    w.blank();

    w.mdHeading(2, r.pick(PEOPLE_HEADINGS));
    w.blank();
    let next = 4 * scale;
    const keyPeople = [
      ...ctx.newPeople.slice(next).map((p) => this.tag(p, 'person', true)),
      this.tag(r.pick(this.knowledge.people).surname, 'person', false),
    ];
    if (this.definedPeople.length > 0) keyPeople.push(this.tag(r.pick(this.definedPeople), 'person', true));
    for (const person of keyPeople) w.line('- **', person, '** – ', this.sentences(ctx, 1, 2));
    w.blank();

    w.mdHeading(2, r.pick(TRIAL_HEADINGS));
    w.blank();
    w.line('| Trial | Year | Defendants |');
    w.line('|-------|------|------------|');
    const known = r.pick(this.knowledge.trials);
    const knownNames = this.knownTrialNames(known);
    w.line(
      '| ',
      this.tag(known.heading, 'trial', false),
      ` | ${known.year} | `,
      knownNames[0],
      ', ',
      knownNames[1],
      ` and ${r.int(3, 15)} others |`,
    );
    next = 0;
    const defendants = ctx.trials.map(() => {
      const names = ctx.newPeople.slice(next, next + 2).map((p) => this.tag(p, 'person', true));
      next += 2;
      return names;
    });
    ctx.trials.forEach((trial, i) =>
      w.line('| ', trial, ` | ${r.int(1936, 1938)} | `, defendants[i][0], ', ', defendants[i][1], ` and ${r.int(2, 9)} others |`),
    );
    w.blank();
    ctx.trials.forEach((trial, i) => {
      w.mdHeading(3, trial);
      w.blank();
      w.line(defendants[i][0], ' & ', defendants[i][1]);
      w.blank();
      w.line(this.sentences(ctx, 2, 4));
      w.blank();
    });

    w.mdHeading(2, r.pick(EVENT_HEADINGS));
    w.blank();
    for (let i = 0; i < 3 * scale; i++) {
      const event = r.pick(this.knowledge.events);
      w.line('- ', event.year, ' – ', this.tag(event.name, 'event', false), `, ${r.pick(MONTHS)}`);
    }
    w.blank();

    w.mdHeading(2, r.pick(ANALYSIS_HEADINGS));
    w.blank();
    for (let i = 0; i < 3 * scale; i++) {
      w.line(this.sentences(ctx, 3, 5));
      w.blank();
    }
    this.remember(ctx);
    return w;
  }
}

function capitalise(parts: Part[]): Part[] {
  const [first, ...rest] = parts;
  return typeof first === 'string' ? [first.charAt(0).toUpperCase() + first.slice(1), ...rest] : parts;
}

function shuffle<T>(r: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** GitHub-style heading slug, as Markdown link fragments use. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function noteFile(index: number, format: 'plain' | 'markdown'): string {
  const unit = String(Math.floor(index / 500) + 1).padStart(2, '0');
  const note = String(index + 1).padStart(5, '0');
  return `unit-${unit}/note-${note}.${format === 'plain' ? 'txt' : 'md'}`;
}

function relativeLink(from: string, to: string): string {
  return path.posix.relative(path.posix.dirname(from), to);
}

/** Writes `notes` notes (even indexes plain text, odd Markdown) and returns where every name is. */
export function generateCorpus(options: CorpusOptions): Corpus & { texts?: string[] } {
  const seed = options.seed ?? 1;
  const dir = options.out ? path.resolve(options.out) : fs.mkdtempSync(path.join(os.tmpdir(), 'history-notes-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  const generator = new CorpusGenerator(seed);
  const r = generator.rng;
  const count = options.notes;
  const formats = Array.from({ length: count }, (_, i): NoteInfo['format'] => (i % 2 === 0 ? 'plain' : 'markdown'));
  const files = formats.map((f, i) => noteFile(i, f));
  const randomNote = (): number => r.int(0, count - 1);

  const writers: NoteWriter[] = [];
  for (let i = 0; i < count; i++) {
    writers.push(
      formats[i] === 'plain' ? generator.plainNote(i) : generator.markdownNote(i, 1, () => relativeLink(files[i], files[randomNote()])),
    );
  }
  // Markdown notes link to headings of other Markdown notes (a second pass: every heading exists now).
  const markdown = writers.map((_, i) => i).filter((i) => formats[i] === 'markdown');
  for (const i of markdown) {
    const w = writers[i];
    w.line('## See also');
    w.blank();
    for (let k = 0; k < 3; k++) {
      const j = r.pick(markdown);
      const target = writers[j];
      const heading = target.headings[r.int(1, target.headings.length - 1)] ?? target.headings[0];
      const text = target.lines[heading.line].slice(heading.character);
      const href = `${relativeLink(files[i], files[j])}#${slug(text)}`;
      const line = w.line(`- [${text} in note ${j + 1}](${href})`);
      w.links.push({ line, character: w.lines[line].indexOf('#') + 1 });
    }
    w.blank();
  }

  const notes: NoteInfo[] = [];
  const texts: string[] = [];
  let bytes = 0;
  const knownNames = new Set<string>();
  for (let i = 0; i < count; i++) {
    const w = writers[i];
    // One plain note in ten has Windows line ends, as notes copied between machines do.
    const eol = formats[i] === 'plain' && i % 20 === 10 ? '\r\n' : '\n';
    const text = w.lines.join(eol);
    const file = path.join(dir, files[i]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const size = Buffer.byteLength(text);
    bytes += size;
    if (options.keepText) texts.push(text);
    for (const name of w.names) knownNames.add(name.text);
    notes.push({
      file: files[i],
      format: formats[i],
      bytes: size,
      lineCount: w.lines.length,
      names: w.names,
      headings: w.headings,
      links: w.links,
    });
    writers[i] = undefined as unknown as NoteWriter;
  }
  return {
    dir,
    seed,
    notes,
    bytes,
    generated: { people: generator.definedPeople.length, causes: generator.definedCauses.length, trials: generator.definedTrials.length },
    knownNames: [...knownNames].sort(),
    ...(options.keepText ? { texts } : {}),
  };
}

/** A big plain note (about `kb` KB) for the edit benchmark, from the same generator with new names. */
export function generateBigNote(seed: number, kb = 100): { text: string; names: NamePosition[] } {
  // Another seed: mostly names of its own, some shared with the corpus, as a student's long note would have.
  for (let scale = Math.max(1, Math.floor(kb / 5)); ; scale++) {
    const w = new CorpusGenerator(seed ^ 0x5eed).plainNote(99999, scale);
    const text = w.lines.join('\n');
    if (Buffer.byteLength(text) >= kb * 1000 || scale > 1000) return { text, names: w.names };
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const corpus = generateCorpus({ notes: Number(value('--notes') ?? 100), seed: Number(value('--seed') ?? 1), out: value('--out') });
  const names = corpus.notes.reduce((n, note) => n + note.names.length, 0);
  console.log(
    `${corpus.notes.length} notes, ${(corpus.bytes / 1e6).toFixed(1)} MB, ${names} names written, invented: ` +
      `${JSON.stringify(corpus.generated)} in ${corpus.dir}`,
  );
}
