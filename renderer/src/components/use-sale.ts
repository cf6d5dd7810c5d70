// The state of one sale: the categories this pass and this partner share and the tariffs among them, the
// category, item and price (typed, or set by a tariff), and the Atouts part with its check. The form around
// it owns the focus and the call.
import { useMemo, useState } from 'react';
import { CATEGORY_RULES, walletOf, type Category, type Item } from '../../../protocol/catalogue';
import type { PassCard, Tariff } from '../../../preload/contract';
import { centsToInput } from '../format/money';
import { useItemFields } from './ItemFields';
import { useAtoutsPart } from './use-atouts-part';
import { saleCheck } from './sale-check';

export function useSale(card: PassCard, accreditations: readonly Category[], tariffs: readonly Tariff[]) {
  const categories = useMemo(
    () => card.wallets.flatMap((w) => w.categories).filter((c) => accreditations.includes(c)),
    [card, accreditations],
  );
  const usable = useMemo(
    () => tariffs.filter((tariff) => categories.includes(tariff.category)),
    [tariffs, categories],
  );
  const [category, setCategory] = useState<Category | undefined>(categories[0]);
  const fields = useItemFields(category ? CATEGORY_RULES[category].items : [], {
    focusPrice: usable.length === 0,
  });
  const [tariffId, setTariffId] = useState<string | null>(null);
  const balanceCents = category
    ? (card.wallets.find((w) => w.wallet === walletOf(category))?.balanceCents ?? 0)
    : 0;
  const part = useAtoutsPart(fields.priceCents, balanceCents);
  const check = saleCheck({ priceCents: fields.priceCents, amountCents: part.cents, balanceCents });

  const chooseCategory = (next: Category) => {
    setCategory(next);
    fields.setItem(CATEGORY_RULES[next].items[0]);
    setTariffId(null);
  };

  const chooseTariff = (tariff: Tariff) => {
    setCategory(tariff.category);
    fields.setItem(tariff.item);
    if (tariff.sessions !== undefined) fields.setSessions(String(tariff.sessions));
    fields.setDiscipline(tariff.discipline ?? '');
    fields.setPrice(centsToInput(tariff.priceCents));
    part.propose();
    setTariffId(tariff.id);
  };

  // An item or a price chosen by hand is no longer the tariff's.
  const itemFields = {
    ...fields.props,
    onItem: (item: Item) => {
      fields.props.onItem(item);
      setTariffId(null);
    },
    onPrice: (price: string) => {
      fields.props.onPrice(price);
      setTariffId(null);
    },
  };

  return {
    categories,
    usable,
    category,
    chooseCategory,
    tariffId,
    chooseTariff,
    itemFields,
    chosen: fields.chosen,
    priceCents: fields.priceCents,
    balanceCents,
    part,
    check,
  };
}
