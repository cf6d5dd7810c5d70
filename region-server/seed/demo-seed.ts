// A realistic demo: six Norman partners covering every category, thirteen youths (one inactive, one
// nearly out of money, one under 15 by the lycée exception), two prepayment coupons and a bon plan. Seeded once per database.
import type { Category } from '../../protocol/catalogue';
import { seasonOf } from '../../protocol/paris-time';
import { createBeneficiary } from '../domain/beneficiaries';
import { createCoupon } from '../domain/coupons';
import { addParticipant, createOffer } from '../domain/offers';
import { createPartner } from '../domain/partners';
import type { Region } from '../domain/region';

export interface DemoFacts {
  seededAt: string;
  partners: { key: string; id: string; name: string; accreditations: Category[]; activationCode: string }[];
  beneficiaries: {
    id: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    membership: 'active' | 'inactive';
    note?: string;
  }[];
  coupons: {
    id: string;
    code: string;
    token: string;
    beneficiaryId: string;
    partnerId: string;
    amountCents: number;
  }[];
  offers: { id: string; partnerId: string; title: string; participants: string[] }[];
}

const PARTNERS: { key: string; name: string; siret: string; accreditations: Category[] }[] = [
  { key: 'cinema', name: 'Cinéma Le Palace — Flers', siret: '41234567800011', accreditations: ['CINEMA'] },
  {
    key: 'theatre',
    name: 'Théâtre du Bocage — Vire',
    siret: '42234567800012',
    accreditations: ['SPECTACLE'],
  },
  {
    key: 'multi',
    name: 'Le Quai des Arts — Argentan',
    siret: '43234567800013',
    accreditations: ['CINEMA', 'SPECTACLE'],
  },
  { key: 'basket', name: 'Lisieux Basket Club', siret: '44234567800014', accreditations: ['SPORT'] },
  {
    key: 'music',
    name: "École de musique du Pays d'Auge",
    siret: '45234567800015',
    accreditations: ['ARTISTIC'],
  },
  { key: 'flers-agglo', name: 'Flers Agglo — Pass +', siret: '46234567800016', accreditations: ['LOCAL'] },
];

/**
 * The youths, with their age on 1 July of the season and their birthday, so that the demo stays true
 * whatever year it is seeded in: every one of them is 15 to 25 when joining, but for Jade, a lycée pupil
 * of 14 who joins by the Atouts Livre exception (regulation III 3.1).
 */
const YOUTHS: {
  givenName: string;
  familyName: string;
  age: number;
  birthday: string;
  membership?: 'inactive';
  note?: string;
  nearlyEmpty?: boolean;
  lyceeException?: boolean;
}[] = [
  { givenName: 'Léa', familyName: 'Martin', age: 17, birthday: '03-14' },
  { givenName: 'Hugo', familyName: 'Lefèvre', age: 17, birthday: '11-02' },
  { givenName: 'Chloé', familyName: 'Dubois', age: 16, birthday: '06-21' },
  { givenName: 'Nathan', familyName: 'Moreau', age: 19, birthday: '01-30' },
  { givenName: 'Inès', familyName: 'Benali', age: 16, birthday: '09-09' },
  { givenName: 'Lucas', familyName: 'Girard', age: 19, birthday: '12-17' },
  { givenName: 'Manon', familyName: 'Roux', age: 15, birthday: '04-05' },
  { givenName: 'Théo', familyName: 'Fournier', age: 17, birthday: '07-27' },
  {
    givenName: 'Camille',
    familyName: 'Lemoine',
    age: 21,
    birthday: '02-11',
    membership: 'inactive',
    note: 'membership not paid this season',
  },
  {
    givenName: 'Enzo',
    familyName: 'Mercier',
    age: 15,
    birthday: '10-19',
    nearlyEmpty: true,
    note: 'nearly out of money',
  },
  { givenName: 'Zoé', familyName: "N'Diaye", age: 16, birthday: '12-24' },
  { givenName: 'Maël', familyName: 'Le Gall-Hébert', age: 18, birthday: '08-08' },
  {
    givenName: 'Jade',
    familyName: 'Lambert',
    age: 14,
    birthday: '11-20',
    lyceeException: true,
    note: 'lycée pupil under 15, joined by the Atouts Livre exception',
  },
];

/** The birth date of someone `age` years old on 1 July of `season` whose birthday is `birthday` (MM-DD). */
function bornOn(season: number, age: number, birthday: string): string {
  const year = birthday >= '07-01' ? season - age - 1 : season - age;
  return `${year}-${birthday}`;
}

export function isSeeded(region: Region): boolean {
  return region.db.prepare('SELECT 1 FROM partners LIMIT 1').get() !== undefined;
}

export function seedDemo(region: Region): DemoFacts {
  const partners = PARTNERS.map((p) => ({
    key: p.key,
    name: p.name,
    accreditations: p.accreditations,
    ...createPartner(region, p),
  }));
  // Seeded in June, after joining has closed, the youths are recorded as having joined by 31 May (membership.ts).
  const season = seasonOf(region.now());
  const beneficiaries = YOUTHS.map((y) => {
    const birthDate = bornOn(season, y.age, y.birthday);
    const created = createBeneficiary(region, {
      givenName: y.givenName,
      familyName: y.familyName,
      birthDate,
      season,
      ...(y.lyceeException ? { lyceen: true, atoutsLivreEligible: true } : {}),
      membership: y.membership ?? 'active',
      ...(y.nearlyEmpty ? { wallets: { SPECTACLE: 150, CINEMA: 50, PRATIQUE: 200, LOCAL: 0 } } : {}),
    });
    if (!created.ok)
      throw new Error(
        `demo youth ${y.givenName} ${y.familyName} refused: ${created.problem.code} ${created.problem.detail}`,
      );
    return {
      id: created.value.id,
      givenName: y.givenName,
      familyName: y.familyName,
      birthDate,
      membership: y.membership ?? ('active' as const),
      ...(y.note ? { note: y.note } : {}),
    };
  });
  const partnerId = (key: string): string => partners.find((p) => p.key === key)?.id ?? '';
  const youth = (i: number): string => beneficiaries[i]?.id ?? '';

  const coupons: DemoFacts['coupons'] = [];
  for (const c of [
    {
      beneficiaryId: youth(1),
      partnerId: partnerId('basket'),
      category: 'SPORT' as const,
      amountCents: 3000,
    },
    {
      beneficiaryId: youth(2),
      partnerId: partnerId('music'),
      category: 'ARTISTIC' as const,
      amountCents: 2500,
    },
  ]) {
    const made = createCoupon(region, c);
    if (made.ok)
      coupons.push({
        ...made.value,
        beneficiaryId: c.beneficiaryId,
        partnerId: c.partnerId,
        amountCents: c.amountCents,
      });
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
    for (const beneficiaryId of participants)
      addParticipant(region, offer.value.id, { beneficiaryId, status: 'registered' });
    offers.push({
      id: offer.value.id,
      partnerId: partnerId('theatre'),
      title: 'Répétition générale ouverte — Les Fourberies de Scapin',
      participants,
    });
  }
  return { seededAt: region.nowIso(), partners, beneficiaries, coupons, offers };
}
