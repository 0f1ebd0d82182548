// foldCase takes the engine's toUpperCase where it agrees with the matcher's unit-by-unit folding: it must
// agree with folding every unit on its own, whatever the text (astral letters, expanding upper cases, lone surrogates).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCase, foldUnit } from '../../src/compile/fold-case.js';

const unitByUnit = (s: string): string =>
  Array.from({ length: s.length }, (_, i) => String.fromCharCode(foldUnit(s.charCodeAt(i)))).join('');

describe('foldCase', () => {
  it('is the unit-by-unit folding of any text', () =>
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' })), (s) => {
        expect(foldCase(s)).toBe(unitByUnit(s));
      }),
      { numRuns: 3000 },
    ));

  it('keeps the units the matcher does not fold', () => {
    for (const s of ['𐐨', 'ß', 'ı', 'ſ', 'ŉ', '\ud83d', 'straße', 'Iİıi']) expect(foldCase(s)).toBe(unitByUnit(s));
    expect(foldCase('Gonzalez +1 (555)')).toBe('GONZALEZ +1 (555)');
  });
});
