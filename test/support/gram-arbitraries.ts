// Names and needles for the substring index's property tests (voip's `name`, livechat's `fname`): an
// alphabet of case-folding traps and regex metacharacters; needles cut from the names, short or too long.
import fc from 'fast-check';

/** Units whose case folding is a trap for a naive lower-casing index, plus plain letters and metacharacters. */
export const TRAPS = [
  'a',
  'A',
  'b',
  'B',
  's',
  'S',
  'k',
  'K',
  'i',
  'I',
  'ß',
  'ẞ',
  'ſ',
  '\u212A',
  'İ',
  'ı',
  'σ',
  'ς',
  'Σ',
  'ǅ',
  'ǆ',
  'Ǆ',
  'é',
  'É',
  'ÿ',
  'Ÿ',
  'µ',
  'Μ',
  'ﬀ',
  'ŉ',
  '.',
  '*',
  '(',
  ')',
  '[',
  '\\',
  '^',
  '$',
  '|',
  '?',
  '+',
  '{',
  ' ',
  '5',
  '0',
  '😀',
  '\ud83d',
  '\ude00',
  '山',
  'Ω',
  'ω',
  '\u2126',
  '𐐨', // an astral letter whose upper case is astral too: the matcher (no `u` flag) folds neither of its units
  '𐐀',
];
export const arbText = (maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...TRAPS), { maxLength }).map((xs) => xs.join(''));
export const arbName: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: arbText(9), weight: 8 },
  { arbitrary: fc.array(fc.oneof(arbText(6), fc.constant(5)), { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.constantFrom<unknown>(undefined, null, 42, { x: 'abc' }), weight: 1 },
);

const swapCase = (s: string, mask: number): string =>
  [...s].map((ch, i) => ((mask >> (i % 30)) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join('');

/** Needles: cut from a name (case changed), random 1-2 unit ones, or longer than every name. */
export const arbCase = fc.array(arbName, { maxLength: 60 }).chain((names) => {
  const strings = names.flatMap((x) =>
    typeof x === 'string' ? [x] : Array.isArray(x) ? x.filter((y): y is string => typeof y === 'string') : [],
  );
  const cut =
    strings.length === 0
      ? arbText(4)
      : fc.tuple(fc.constantFrom(...strings), fc.nat(), fc.nat(), fc.nat()).map(([s, a, b, mask]) => {
          const from = a % (s.length + 1);
          return swapCase(s.slice(from, from + (b % 7)), mask);
        });
  const needle = fc.oneof(cut, arbText(2), arbText(12)).filter((x) => x !== '');
  return fc.tuple(fc.constant(names), needle);
});
