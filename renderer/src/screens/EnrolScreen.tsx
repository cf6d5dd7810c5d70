// Enrolment: a new till is enrolled from scratch; a till whose device token no longer opens is enrolled
// again, keeping its journal and staff.
import type { TillStatus } from '../../../preload/contract';
import { FirstEnrolForm } from './enrol/FirstEnrolForm';
import { ReenrolForm } from './enrol/ReenrolForm';

interface EnrolProps {
  /** The till's status: a till whose device token no longer opens is enrolled again, not from scratch. */
  status?: TillStatus;
  onEnrolled: (s: TillStatus) => void;
}

export function EnrolScreen({ status, onEnrolled }: EnrolProps) {
  if (status?.deviceSecret === 'unreadable') return <ReenrolForm status={status} onEnrolled={onEnrolled} />;
  return <FirstEnrolForm status={status} onEnrolled={onEnrolled} />;
}
