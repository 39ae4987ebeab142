import { messages as en } from './catalogues/en';
import { messages as italianCatalogue } from './catalogues/it';

const texts = (message: string | { one: string; other: string }) =>
  typeof message === 'string' ? [message] : [message.one, message.other];
const pairs = Object.entries(en).map(([key, message]) => ({
  key,
  en: texts(message).join(' '),
  it: texts(italianCatalogue[key as keyof typeof italianCatalogue]).join(' '),
}));

describe('the Italian a control room writes', () => {
  it('says a target is not met, which fits indicators where lower is better too', () => {
    // "Sotto l’obiettivo" (below target) is wrong for a lower-is-better indicator above its target.
    expect(italianCatalogue['kpi.missesTarget']).toBe('Obiettivo non raggiunto');
    expect(italianCatalogue['kpi.meetsTarget']).toBe('Obiettivo raggiunto');
  });

  it('calls an EU limit a "valore limite", as Italian air-quality law does', () => {
    // D.Lgs. 155/2010, art. 2, transposing Directive 2008/50/EC: "valore limite" for "limit value".
    expect(italianCatalogue['euLimit.name.limit']).toBe('valore limite UE');
    for (const { key, en: english, it: italian } of pairs)
      if (/\bEU limit\b|above the limit/.test(english)) expect(italian, key).toMatch(/valore limite/i);
  });

  it('has one term for lease revenue and one for stored keys', () => {
    for (const { key, en: english, it: italian } of pairs) {
      if (/lease revenue/i.test(english)) expect(italian, key).toMatch(/canon[ei] di locazione/i);
      if (/stored keys/i.test(english)) expect(italian, key).toMatch(/chiavi in riserva/i);
    }
  });

  it('writes percentages one way: the sign next to the number, as the locale’s own format does', () => {
    // CLDR's Italian and English percent patterns are both "#,##0%": no space before the sign.
    expect(new Intl.NumberFormat('it-IT', { style: 'percent' }).format(0.45)).toBe('45%');
    for (const { key, en: english, it: italian } of pairs) {
      expect(english, key).not.toMatch(/[\d}] %/);
      expect(italian, key).not.toMatch(/[\d}] %/);
    }
  });
});
