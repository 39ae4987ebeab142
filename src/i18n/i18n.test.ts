import * as english from './catalogues/en';
import * as italian from './catalogues/it';
import type { Catalogue } from './catalogue';
import { LANGUAGES, loadLanguage, placeholders, setCurrentLanguage, t, translate } from './i18n';
import {
  formatAge,
  formatDateTime,
  formatDuration,
  formatEuro,
  formatNumber,
  formatPercent,
} from '../lib/format';

// One file a language; en-first.ts is a part of English, built in.
const catalogues = import.meta.glob<{ messages: Catalogue }>(['./catalogues/*.ts', '!./catalogues/*-*.ts'], {
  eager: true,
});
const referenceKeys = Object.keys(english.messages).sort();

describe('catalogues', () => {
  it('offers every catalogue file as a language, English first', () => {
    const codes = Object.keys(catalogues).map((path) => path.replace(/^.*\/(\w+)\.ts$/, '$1'));
    expect(LANGUAGES.map((l) => l.code)).toEqual(['en', 'it']);
    expect(LANGUAGES.map((l) => l.code).sort()).toEqual(codes.sort());
  });

  it.each(Object.entries(catalogues))('%s has every key of English and no other', (_, { messages }) => {
    expect(Object.keys(messages).sort()).toEqual(referenceKeys);
  });

  it.each(Object.entries(catalogues))(
    '%s fills the same placeholders as English, with no empty text',
    (_, { messages }) => {
      for (const key of referenceKeys as (keyof typeof english.messages)[]) {
        const message = messages[key];
        const texts = typeof message === 'string' ? [message] : [message.one, message.other];
        for (const text of texts) expect(text.trim(), key).not.toBe('');
        expect(placeholders(message), key).toEqual(placeholders(english.messages[key]));
      }
    },
  );

  it('has Italian words, not English left untranslated', () => {
    expect(italian.messages['shell.pauseRefresh']).not.toBe(english.messages['shell.pauseRefresh']);
    expect(italian.messages['view.security']).toBe('Sicurezza');
  });
});

describe('translate', () => {
  beforeAll(() => loadLanguage('it'));
  afterEach(() => setCurrentLanguage('en'));

  it('fills placeholders and picks the plural form for the count', () => {
    expect(translate('en', 'status.failing', { count: 1 })).toBe('1 source failing');
    expect(translate('en', 'status.failing', { count: 3 })).toBe('3 sources failing');
    expect(translate('it', 'status.failing', { count: 1 })).toBe('1 fonte in errore');
    expect(translate('it', 'status.oldestData', { age: '3 min fa' })).toBe('dato più vecchio 3 min fa');
  });

  it('falls back to English for an unknown language', () => {
    expect(translate('xx', 'view.kpis')).toBe('KPIs');
  });

  it('formats numbers, currency, dates and ages for the language on screen', () => {
    const noon = Date.UTC(2026, 11, 1, 11, 5);
    expect(formatNumber(2260190)).toBe('2,260,190');
    expect(formatEuro(2_000_000)).toBe('€2,000,000');
    expect(formatAge(3 * 60_000)).toBe('3 min ago');
    setCurrentLanguage('it');
    expect(t('view.network')).toBe('Rete');
    expect(formatNumber(2260190)).toBe('2.260.190');
    expect(formatNumber(81.15, 1)).toBe('81,2');
    expect(formatPercent(0.811, 1)).toBe('81,1%');
    expect(formatEuro(2_000_000)).toBe('2.000.000\u00a0€');
    expect(formatAge(3 * 60_000)).toBe('3 min fa');
    expect(formatDuration(3 * 86_400 + 4 * 3600)).toBe('3 g 4 h');
    expect(formatDateTime(noon)).toMatch(/^1 dic/);
  });
});
