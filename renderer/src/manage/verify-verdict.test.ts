import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n } from '../i18n';
import { verifyVerdict } from './verify-verdict';

beforeAll(() => {
  initI18n('fr');
});

describe("the manager's Verify, in French", () => {
  const t = () => i18next.getFixedT('fr');
  it('says up to which entry the journal matches the Région', () => {
    expect(
      verifyVerdict(t(), {
        ok: true,
        count: 120,
        region: { ok: true, confirmedUpTo: 118, anchors: 9, findings: [] },
      }),
    ).toBe('Journal intact : 120 écritures vérifiées. Conforme à la Région jusqu’à l’écriture n° 118.');
  });
  it('names a cut tail the chain alone cannot see', () => {
    expect(
      verifyVerdict(t(), {
        ok: true,
        count: 80,
        region: { ok: false, confirmedUpTo: 75, anchors: 9, findings: [{ problem: 'TRUNCATED', seq: 118 }] },
      }),
    ).toContain(
      'NON conforme à la Région : la fin du journal manque à l’écriture n° 118 (conforme jusqu’au n° 75)',
    );
  });
  it('says when the Région could not be asked, and a broken chain first', () => {
    expect(verifyVerdict(t(), { ok: true, count: 3, region: null })).toContain('Pas comparé à la Région');
    expect(verifyVerdict(t(), { ok: false, count: 4, brokenSeq: 5, problem: 'EDITED' })).toBe(
      'Journal ALTÉRÉ : première écriture en cause n° 5 (EDITED).',
    );
  });
});
