// tariff.*: the partner's usual prices, kept with the till's settings. The stored list is read back through
// the same schema as the manager's input: a hand-edited or older settings row cannot put an ineligible item
// on a counter button.
import { tariffSchema, type Tariff } from '../../../preload/contract/tariff';
import type { JsonValue, Settings } from '../../journal/journal';
import type { Handlers } from '../../transport/dispatch';

const TARIFFS_KEY = 'till.tariffs';

export function readTariffs(settings: Settings): Tariff[] {
  const stored = settings.get<unknown>(TARIFFS_KEY);
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((row) => {
    const parsed = tariffSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export function tariffHandlers(settings: Settings): Pick<Handlers, 'tariff.list' | 'tariff.set'> {
  return {
    'tariff.list': () => readTariffs(settings),
    'tariff.set': (input) => {
      settings.set(TARIFFS_KEY, input.tariffs as unknown as JsonValue);
      return readTariffs(settings);
    },
  };
}
