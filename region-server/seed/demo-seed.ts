// A realistic demo: six Norman partners covering every category, a dozen youths (one inactive, one
// nearly out of money), two prepayment coupons and a bon plan. Seeded once per database.
import type { Category } from '../../protocol/catalogue';
import { createBeneficiary } from '../domain/beneficiaries';
import { createCoupon } from '../domain/coupons';
import { addParticipant, createOffer } from '../domain/offers';
import { createPartner } from '../domain/partners';
import type { Region } from '../domain/region';

export interface DemoFacts {
  seededAt: string;
  partners: { key: string; id: string; name: string; accreditations: Category[]; activationCode: string }[];
  beneficiaries: { id: string; givenName: string; familyName: string; birthDate: string; membership: 'active' | 'inactive'; note?: string }[];
  coupons: { id: string; code: string; token: string; beneficiaryId: string; partnerId: string; amountCents: number }[];
  offers: { id: string; partnerId: string; title: string; participants: string[] }[];
}

const PARTNERS: { key: string; name: string; siret: string; accreditations: Category[] }[] = [
  { key: 'cinema', name: 'Cinéma Le Palace — Flers', siret: '41234567800011', accreditations: ['CINEMA'] },
  { key: 'theatre', name: 'Théâtre du Bocage — Vire', siret: '42234567800012', accreditations: ['SPECTACLE'] },
  { key: 'multi', name: 'Le Quai des Arts — Argentan', siret: '43234567800013', accreditations: ['CINEMA', 'SPECTACLE'] },
  { key: 'basket', name: 'Lisieux Basket Club', siret: '44234567800014', accreditations: ['SPORT'] },
  { key: 'music', name: "École de musique du Pays d'Auge", siret: '45234567800015', accreditations: ['ARTISTIC'] },
  { key: 'flers-agglo', name: 'Flers Agglo — Pass +', siret: '46234567800016', accreditations: ['LOCAL'] },
];

const YOUTHS: { givenName: string; familyName: string; birthDate: string; membership?: 'inactive'; note?: string; nearlyEmpty?: boolean }[] = [
  { givenName: 'Léa', familyName: 'Martin', birthDate: '2008-03-14' },
  { givenName: 'Hugo', familyName: 'Lefèvre', birthDate: '2007-11-02' },
  { givenName: 'Chloé', familyName: 'Dubois', birthDate: '2009-06-21' },
  { givenName: 'Nathan', familyName: 'Moreau', birthDate: '2006-01-30' },
  { givenName: 'Inès', familyName: 'Benali', birthDate: '2008-09-09' },
  { givenName: 'Lucas', familyName: 'Girard', birthDate: '2005-12-17' },
  { givenName: 'Manon', familyName: 'Roux', birthDate: '2010-04-05' },
  { givenName: 'Théo', familyName: 'Fournier', birthDate: '2007-07-27' },
  { givenName: 'Camille', familyName: 'Lemoine', birthDate: '2004-02-11', membership: 'inactive', note: 'membership not paid this season' },
  { givenName: 'Enzo', familyName: 'Mercier', birthDate: '2009-10-19', nearlyEmpty: true, note: 'nearly out of money' },
  { givenName: 'Zoé', familyName: "N'Diaye", birthDate: '2008-12-24' },
  { givenName: 'Maël', familyName: 'Le Gall-Hébert', birthDate: '2006-08-08' },
];

export function isSeeded(region: Region): boolean {
  return region.db.prepare('SELECT 1 FROM partners LIMIT 1').get() !== undefined;
}

export function seedDemo(region: Region): DemoFacts {
  const partners = PARTNERS.map((p) => ({ key: p.key, name: p.name, accreditations: p.accreditations, ...createPartner(region, p) }));
  const beneficiaries = YOUTHS.map((y) => {
    const created = createBeneficiary(region, {
      givenName: y.givenName,
      familyName: y.familyName,
      birthDate: y.birthDate,
      membership: y.membership ?? 'active',
      ...(y.nearlyEmpty ? { wallets: { SPECTACLE: 150, CINEMA: 50, PRATIQUE: 200, LOCAL: 0 } } : {}),
    });
    return { id: created.id, givenName: y.givenName, familyName: y.familyName, birthDate: y.birthDate, membership: y.membership ?? ('active' as const), ...(y.note ? { note: y.note } : {}) };
  });
  const partnerId = (key: string): string => partners.find((p) => p.key === key)?.id ?? '';
  const youth = (i: number): string => beneficiaries[i]?.id ?? '';

  const coupons: DemoFacts['coupons'] = [];
  for (const c of [
    { beneficiaryId: youth(1), partnerId: partnerId('basket'), category: 'SPORT' as const, amountCents: 3000 },
    { beneficiaryId: youth(2), partnerId: partnerId('music'), category: 'ARTISTIC' as const, amountCents: 2500 },
  ]) {
    const made = createCoupon(region, c);
    if (made.ok) coupons.push({ ...made.value, beneficiaryId: c.beneficiaryId, partnerId: c.partnerId, amountCents: c.amountCents });
  }

  const offers: DemoFacts['offers'] = [];
  const now = region.now();
  const offer = createOffer(region, {
    partnerId: partnerId('theatre'),
    title: 'Répétition générale ouverte — Les Fourberies de Scapin',
    startsAt: new Date(now - 86_400_000).toISOString(),
    endsAt: new Date(now + 30 * 86_400_000).toISOString(),
    places: 20,
    designation: 'registration',
  });
  if (offer.ok) {
    const participants = [youth(0), youth(3), youth(10)];
    for (const beneficiaryId of participants) addParticipant(region, offer.value.id, { beneficiaryId, status: 'registered' });
    offers.push({ id: offer.value.id, partnerId: partnerId('theatre'), title: 'Répétition générale ouverte — Les Fourberies de Scapin', participants });
  }
  return { seededAt: region.nowIso(), partners, beneficiaries, coupons, offers };
}
