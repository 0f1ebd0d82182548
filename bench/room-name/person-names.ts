// Room names as a real call center has them (not the generator's 30 × 30 caller names): person names
// drawn from long first/last-name lists with a long tail of generated surnames, written in varied case,
// some with middle names, and phone numbers in several formats (a third of the rooms). Seeded.

const FIRST = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Christopher',
  'Lisa',
  'Daniel',
  'Nancy',
  'Matthew',
  'Betty',
  'Anthony',
  'Margaret',
  'Mark',
  'Sandra',
  'Donald',
  'Ashley',
  'Steven',
  'Kimberly',
  'Paul',
  'Emily',
  'Andrew',
  'Donna',
  'Joshua',
  'Michelle',
  'María',
  'José',
  'Juan',
  'Carmen',
  'Luis',
  'Ana',
  'Carlos',
  'Lucía',
  'Jorge',
  'Sofía',
  'Pedro',
  'Valentina',
  'Diego',
  'Camila',
  'Mateo',
  'Isabella',
  'João',
  'Francisca',
  'Thiago',
  'Beatriz',
  'Aiko',
  'Hiroshi',
  'Yuki',
  'Kenji',
  'Sakura',
  'Wei',
  'Mei',
  'Jian',
  'Li',
  'Priya',
  'Rahul',
  'Ananya',
  'Arjun',
  'Fatima',
  'Mohammed',
  'Aisha',
  'Omar',
  'Layla',
  'Yusuf',
  'Olga',
  'Dmitri',
  'Svetlana',
  'Ivan',
  'Björn',
  'Sven',
  'Ingrid',
  'Søren',
  'Zoë',
  'François',
  'Amélie',
  'Noël',
  'Renée',
  'Jürgen',
  'Łukasz',
  'Agnieszka',
  'Çağla',
  'Mehmet',
  'Chidi',
  'Ngozi',
  'Kwame',
  'Amara',
  'Tomás',
  'Núria',
  'Ólafur',
  'Siobhán',
  'Niamh',
  'Eoin',
  'Mercedes',
  'Dolores',
  'Guadalupe',
  'Ximena',
  'Santiago',
];
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Mercer',
  'González',
  'García',
  'Fernández',
  'Müller',
  'Schröder',
  'Øberg',
  'Nowak',
  'Kowalski',
  'Yılmaz',
  'Öztürk',
  'Takahashi',
  'Tanaka',
  'Suzuki',
  'Watanabe',
  'Zhang',
  'Wang',
  'Chen',
  'Liu',
  'Sharma',
  'Patel',
  'Singh',
  'Ivanov',
  'Petrović',
  'Okafor',
  'Mensah',
  'da Silva',
  'dos Santos',
  'Oliveira',
  'Souza',
  'Costa',
  'van der Berg',
  'de Vries',
  "O'Brien",
  'MacLeod',
  'Lefèvre',
  'Dubois',
  'Håkansson',
  'Nguyễn',
  'Mendes-Pinto',
  'Ibáñez',
];
/** Syllables of the long tail of surnames (each appears in few rooms, as most surnames do). */
const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'ten',
  'bar',
  'vel',
  'dor',
  'an',
  'li',
  'su',
  'mor',
  'gan',
  'tes',
  'ha',
  'ri',
  'no',
  'vak',
  'ber',
  'sch',
  'ov',
  'zy',
  'qu',
  'el',
  'lo',
  'ye',
  'wen',
  'dra',
  'ck',
  'ssi',
  'nez',
];

/** mulberry32: small, fast, seeded. */
const rng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pick = <T>(random: () => number, xs: ReadonlyArray<T>): T => xs[Math.floor(random() * xs.length)] as T;

const digits = (random: () => number, k: number): string => {
  let s = '';
  for (let i = 0; i < k; i++) s += Math.floor(random() * 10);
  return s;
};

const phone = (random: () => number): string => {
  // A 555 exchange for one number in ten, so `5550123`-like needles are selective but not empty.
  const area = random() < 0.1 ? '555' : digits(random, 3);
  const line = digits(random, 7);
  switch (Math.floor(random() * 4)) {
    case 0:
      return `+1${area}${line}`;
    case 1:
      return `+1 (${area}) ${line.slice(0, 3)}-${line.slice(3)}`;
    case 2:
      return `${area}-${line.slice(0, 3)}-${line.slice(3)}`;
    default:
      return `+44 ${area}${line}`;
  }
};

const surname = (random: () => number): string => {
  if (random() < 0.55) return pick(random, LAST);
  let s = '';
  for (let k = 2 + Math.floor(random() * 3); k > 0; k--) s += pick(random, SYLLABLES);
  return s.charAt(0).toUpperCase() + s.slice(1);
};

const casing = (random: () => number, s: string): string => {
  const x = random();
  return x < 0.8 ? s : x < 0.9 ? s.toLowerCase() : s.toUpperCase();
};

/** `count` room names, seeded. */
export const personNames = (count: number, seed: number): string[] => {
  const random = rng(seed);
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    if (random() < 1 / 3) {
      out[i] = phone(random);
      continue;
    }
    const middle = random() < 0.15 ? ` ${pick(random, FIRST)}` : '';
    out[i] = casing(random, `${pick(random, FIRST)}${middle} ${surname(random)}`);
  }
  return out;
};
