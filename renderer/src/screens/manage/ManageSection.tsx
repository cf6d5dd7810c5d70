// One section of Gestion: its title (which names the section for assistive technology and for the tests)
// and what it is for, then its forms and buttons.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The section's key: its id is manage-{name}, its words are under manage.{name}. */
  name: string;
  /** What the section is for, when not its own manage.{name}.help. */
  help?: string;
  className?: string;
  children: ReactNode;
}

export function ManageSection({ name, help, className = 'form', children }: Props) {
  const { t } = useTranslation();
  return (
    <section className={className} aria-labelledby={`manage-${name}`}>
      <h2 id={`manage-${name}`}>{t(`manage.${name}.title`)}</h2>
      <p className="hint">{help ?? t(`manage.${name}.help`)}</p>
      {children}
    </section>
  );
}
