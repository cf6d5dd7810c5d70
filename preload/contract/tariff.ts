// The partner's usual prices (tariffs): set once by a manager, offered at the counter as buttons with the
// number keys 1–9, so the standard sale is scan → 1 → Enter.
import { z } from 'zod';
import { isItemEligible, type ArtDiscipline, type Category, type Item } from '../../protocol/catalogue';
import { call } from './define';
import { categorySchema, centsSchema, disciplineSchema, emptyInput, itemSchema } from './schemas';

export interface Tariff {
  id: string;
  /** What the cashier reads on the button: "Plein", "Réduit", "Abonnement 10 places". */
  label: string;
  category: Category;
  item: Item;
  /** A cycle's number of sessions (≥ 5); absent for any other item. */
  sessions?: number;
  /** A cycle's artistic discipline, so the tariff key alone makes a complete cycle sale. */
  discipline?: ArtDiscipline;
  priceCents: number;
}

/** The counter offers nine number keys; more tariffs would need a second level no cashier wants. */
export const MAX_TARIFFS = 9;

export const tariffSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9_-]+$/),
    label: z.string().trim().min(1).max(40),
    category: categorySchema,
    item: itemSchema,
    sessions: z.number().int().min(1).max(1000).optional(),
    discipline: disciplineSchema.optional(),
    priceCents: centsSchema.min(1),
  })
  .strict()
  .refine((t) => isItemEligible(t.category, t.item, t.sessions), {
    message: 'item not eligible for the category',
    path: ['item'],
  })
  .refine((t) => (t.item === 'CYCLE') === (t.sessions !== undefined), {
    message: 'sessions only and always for a cycle',
    path: ['sessions'],
  })
  .refine((t) => t.item === 'CYCLE' || t.discipline === undefined, {
    message: 'a discipline only for a cycle',
    path: ['discipline'],
  });

export const tariffCalls = {
  'tariff.list': call<Tariff[]>()(emptyInput, 'cashier'),
  /** Replaces the whole list, in the order of the number keys. */
  'tariff.set': call<Tariff[]>()(
    z
      .object({ tariffs: z.array(tariffSchema).max(MAX_TARIFFS) })
      .strict()
      .refine((v) => new Set(v.tariffs.map((t) => t.id)).size === v.tariffs.length, {
        message: 'duplicate tariff id',
        path: ['tariffs'],
      }),
    'manager',
  ),
};
