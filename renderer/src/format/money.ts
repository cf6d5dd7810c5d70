// Money as the cashier reads and types it: French euros, integer cents inside.
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const englishEuros = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });

export function formatCents(cents: number, language = 'fr'): string {
  return (language.startsWith('en') ? englishEuros : euros).format(cents / 100);
}

/** "9,50", "9.5", "9 €", "12" → cents; null for anything else. Never floats: parsed as digits. */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const units = Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return units * 100 + Number(fraction);
}

/** Cents as the text a price field shows: 950 → "9,50". */
export function centsToInput(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}
