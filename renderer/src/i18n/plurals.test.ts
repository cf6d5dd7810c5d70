// Counted words agree with their number through i18next's plural forms, never "paiement(s)".
import { describe, expect, it } from 'vitest';
import { initI18n } from './index';
import { uiEn } from './ui.en';
import { uiFr } from './ui.fr';
import { reconcileEn } from './reconcile.en';
import { reconcileFr } from './reconcile.fr';

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v as object, `${prefix}${k}.`),
  );
}

describe('plurals', () => {
  it('no sentence writes a plural in brackets', () => {
    const all = [...leaves(uiFr), ...leaves(uiEn), ...leaves(reconcileFr), ...leaves(reconcileEn)];
    expect(all.filter(([, v]) => /\((s|x|es|ies)\)/.test(v)).map(([k]) => k)).toEqual([]);
  });

  it('every _one has its _other, in both languages', () => {
    for (const catalogue of [uiFr, uiEn]) {
      const keys = new Set(leaves(catalogue).map(([k]) => k));
      const orphans = [...keys].filter((k) => k.endsWith('_one') && !keys.has(k.replace(/_one$/, '_other')));
      expect(orphans).toEqual([]);
    }
  });

  it('French says 0 and 1 in the singular, 2 in the plural; English 1 only', async () => {
    const i18n = initI18n('fr');
    const total = (count: number) => i18n.t('journal.total', { category: 'Cinéma', count, amount: '7,00 €' });
    expect(total(0)).toBe('Cinéma : 0 paiement, 7,00 €');
    expect(total(1)).toBe('Cinéma : 1 paiement, 7,00 €');
    expect(total(2)).toBe('Cinéma : 2 paiements, 7,00 €');
    expect(i18n.t('closures.daysLeft', { count: 3 })).toBe('3 jours restants');
    await i18n.changeLanguage('en');
    expect(i18n.t('journal.total', { category: 'Cinema', count: 0, amount: '€7.00' })).toBe(
      'Cinema: 0 payments, €7.00',
    );
    expect(i18n.t('journal.pendingCount', { count: 1 })).toBe('1 entry awaiting confirmation by the Region');
    await i18n.changeLanguage('fr');
  });
});
