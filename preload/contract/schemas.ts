// Input building blocks shared by several calls. Bounded everywhere: the UI is not trusted blindly.
import { z } from 'zod';
import { ART_DISCIPLINES, CATEGORIES, ITEMS, WALLETS } from '../../protocol/catalogue';

export const categorySchema = z.enum(CATEGORIES);
export const itemSchema = z.enum(ITEMS);
export const walletSchema = z.enum(WALLETS);
/** A cycle's artistic discipline (required for a CYCLE, see main/debit/discipline.ts). */
export const disciplineSchema = z.enum(ART_DISCIPLINES);
/** Money in integer cents; a till never handles more than 100 000 € in one line. */
export const centsSchema = z.number().int().min(0).max(10_000_000);
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._:-]+$/);
export const uuidSchema = z.uuid();
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** Raw scanner text: a pass is about 280 characters; the parser refuses over 1 024 with a reason. */
export const scanTextSchema = z.string().max(4096);
export const scanSourceSchema = z.enum(['hid-pos', 'hid-keyboard', 'wedge', 'webcam', 'paste', 'typed']);
export type ScanSource = z.infer<typeof scanSourceSchema>;
export const emptyInput = z.object({}).strict();
