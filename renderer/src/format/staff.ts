// How a staff member is named on screen: "Claire Dubois (responsable)".
import type { StaffView } from '../../../preload/contract';

/**
 * The name with its role in brackets, once: a name typed at enrolment with the role already in it
 * ("Claire Dubois (responsable)", as the enrolment form's label invites) is not doubled.
 */
export function staffLabel(staff: Pick<StaffView, 'name'>, roleLabel: string): string {
  const name = staff.name.trim();
  const suffix = `(${roleLabel})`;
  return name.toLocaleLowerCase('fr').endsWith(suffix.toLocaleLowerCase('fr')) ? name : `${name} ${suffix}`;
}
